# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(860, 560)
        self.dialogLayout = QVBoxLayout(ImportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.stepLabel = QLabel(ImportDialog)
        self.stepLabel.setObjectName(u"stepLabel")

        self.dialogLayout.addWidget(self.stepLabel)

        self.stack = QStackedWidget(ImportDialog)
        self.stack.setObjectName(u"stack")
        self.filePage = QWidget()
        self.filePage.setObjectName(u"filePage")
        self.filePageLayout = QVBoxLayout(self.filePage)
        self.filePageLayout.setSpacing(8)
        self.filePageLayout.setObjectName(u"filePageLayout")
        self.fileIntro = QLabel(self.filePage)
        self.fileIntro.setObjectName(u"fileIntro")
        self.fileIntro.setWordWrap(True)

        self.filePageLayout.addWidget(self.fileIntro)

        self.fileRow = QHBoxLayout()
        self.fileRow.setSpacing(6)
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(self.filePage)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.filePage)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.fileRow.addWidget(self.browseButton)


        self.filePageLayout.addLayout(self.fileRow)

        self.fileStatus = QLabel(self.filePage)
        self.fileStatus.setObjectName(u"fileStatus")
        self.fileStatus.setWordWrap(True)

        self.filePageLayout.addWidget(self.fileStatus)

        self.fileSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.filePageLayout.addItem(self.fileSpacer)

        self.stack.addWidget(self.filePage)
        self.mappingPage = QWidget()
        self.mappingPage.setObjectName(u"mappingPage")
        self.mappingPageLayout = QVBoxLayout(self.mappingPage)
        self.mappingPageLayout.setSpacing(8)
        self.mappingPageLayout.setObjectName(u"mappingPageLayout")
        self.mappingIntro = QLabel(self.mappingPage)
        self.mappingIntro.setObjectName(u"mappingIntro")
        self.mappingIntro.setWordWrap(True)

        self.mappingPageLayout.addWidget(self.mappingIntro)

        self.mappingTable = QTableWidget(self.mappingPage)
        if (self.mappingTable.columnCount() < 2):
            self.mappingTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mappingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mappingTable.horizontalHeader().setStretchLastSection(True)
        self.mappingTable.verticalHeader().setVisible(False)

        self.mappingPageLayout.addWidget(self.mappingTable)

        self.mappingStatus = QLabel(self.mappingPage)
        self.mappingStatus.setObjectName(u"mappingStatus")
        self.mappingStatus.setWordWrap(True)

        self.mappingPageLayout.addWidget(self.mappingStatus)

        self.stack.addWidget(self.mappingPage)
        self.previewPage = QWidget()
        self.previewPage.setObjectName(u"previewPage")
        self.previewPageLayout = QVBoxLayout(self.previewPage)
        self.previewPageLayout.setSpacing(8)
        self.previewPageLayout.setObjectName(u"previewPageLayout")
        self.summaryLabel = QLabel(self.previewPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.previewPageLayout.addWidget(self.summaryLabel)

        self.notesList = QListWidget(self.previewPage)
        self.notesList.setObjectName(u"notesList")
        self.notesList.setAlternatingRowColors(True)
        self.notesList.setWordWrap(True)
        self.notesList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notesList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.previewPageLayout.addWidget(self.notesList)

        self.problemsLabel = QLabel(self.previewPage)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.previewPageLayout.addWidget(self.problemsLabel)

        self.problemsList = QListWidget(self.previewPage)
        self.problemsList.setObjectName(u"problemsList")
        self.problemsList.setAlternatingRowColors(True)

        self.previewPageLayout.addWidget(self.problemsList)

        self.problemButtons = QHBoxLayout()
        self.problemButtons.setObjectName(u"problemButtons")
        self.copyProblemsButton = QPushButton(self.previewPage)
        self.copyProblemsButton.setObjectName(u"copyProblemsButton")

        self.problemButtons.addWidget(self.copyProblemsButton)

        self.saveProblemsButton = QPushButton(self.previewPage)
        self.saveProblemsButton.setObjectName(u"saveProblemsButton")

        self.problemButtons.addWidget(self.saveProblemsButton)

        self.printProblemsButton = QPushButton(self.previewPage)
        self.printProblemsButton.setObjectName(u"printProblemsButton")

        self.problemButtons.addWidget(self.printProblemsButton)

        self.problemButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.problemButtons.addItem(self.problemButtonsSpacer)

        self.goodRowsButton = QPushButton(self.previewPage)
        self.goodRowsButton.setObjectName(u"goodRowsButton")

        self.problemButtons.addWidget(self.goodRowsButton)


        self.previewPageLayout.addLayout(self.problemButtons)

        self.previewLabel = QLabel(self.previewPage)
        self.previewLabel.setObjectName(u"previewLabel")

        self.previewPageLayout.addWidget(self.previewLabel)

        self.previewTable = QTableWidget(self.previewPage)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.verticalHeader().setVisible(False)

        self.previewPageLayout.addWidget(self.previewTable)

        self.stack.addWidget(self.previewPage)

        self.dialogLayout.addWidget(self.stack)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setSpacing(6)
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.progressBar = QProgressBar(ImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)
        self.progressBar.setVisible(False)
        self.progressBar.setMaximumSize(QSize(200, 16777215))

        self.buttonLayout.addWidget(self.progressBar)

        self.busyLabel = QLabel(ImportDialog)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setWordWrap(True)

        self.buttonLayout.addWidget(self.busyLabel)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.backButton = QPushButton(ImportDialog)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.backButton)

        self.nextButton = QPushButton(ImportDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonLayout.addWidget(self.nextButton)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.importButton)

        self.cancelButton = QPushButton(ImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.fileEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.mappingTable)
        QWidget.setTabOrder(self.mappingTable, self.notesList)
        QWidget.setTabOrder(self.notesList, self.problemsList)
        QWidget.setTabOrder(self.problemsList, self.copyProblemsButton)
        QWidget.setTabOrder(self.copyProblemsButton, self.saveProblemsButton)
        QWidget.setTabOrder(self.saveProblemsButton, self.printProblemsButton)
        QWidget.setTabOrder(self.printProblemsButton, self.goodRowsButton)
        QWidget.setTabOrder(self.goodRowsButton, self.previewTable)
        QWidget.setTabOrder(self.previewTable, self.backButton)
        QWidget.setTabOrder(self.backButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.cancelButton)

        self.retranslateUi(ImportDialog)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165\u515a\u5458\u540d\u518c", None))
        self.stepLabel.setText(QCoreApplication.translate("ImportDialog", u"\u7b2c 1 \u6b65\uff1a\u9009\u62e9\u6587\u4ef6", None))
        self.stepLabel.setProperty(u"role", QCoreApplication.translate("ImportDialog", u"section", None))
        self.fileIntro.setText(QCoreApplication.translate("ImportDialog", u"\u8bf7\u9009\u62e9\u8981\u5bfc\u5165\u7684 Excel \u5de5\u4f5c\u7c3f\uff08.xlsx\uff09\u3002\u7a0b\u5e8f\u4f1a\u8bfb\u53d6\u5176\u4e2d\u7684\u201c\u515a\u5458\u540d\u518c\u201d\u5de5\u4f5c\u8868\uff0c\u5148\u8ba9\u60a8\u9884\u89c8\uff0c\u786e\u8ba4\u65e0\u8bef\u540e\u624d\u5199\u5165\u8d26\u672c\uff1b\u5bfc\u5165\u524d\u4f1a\u81ea\u52a8\u5907\u4efd\u8d26\u672c\u3002", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"\u5c1a\u672a\u9009\u62e9\u6587\u4ef6", None))
        self.browseButton.setText(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.fileStatus.setText("")
        self.mappingIntro.setText(QCoreApplication.translate("ImportDialog", u"\u8fd9\u4e2a\u5de5\u4f5c\u7c3f\u7684\u5217\u540d\u4e0e\u6807\u51c6\u540d\u518c\u4e0d\u5b8c\u5168\u4e00\u81f4\u3002\u8bf7\u4e3a\u6bcf\u4e00\u5217\u9009\u62e9\u5bf9\u5e94\u7684\u540d\u518c\u5b57\u6bb5\uff1b\u4e0d\u9700\u8981\u7684\u5217\u9009\u201c\uff08\u4e0d\u5bfc\u5165\uff09\u201d\u3002\u7a0b\u5e8f\u5df2\u6309\u5217\u540d\u731c\u597d\uff0c\u8bf7\u6838\u5bf9\u3002", None))
        ___qtablewidgetitem = self.mappingTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportDialog", u"\u5de5\u4f5c\u7c3f\u4e2d\u7684\u5217", None))
        ___qtablewidgetitem1 = self.mappingTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportDialog", u"\u5bf9\u5e94\u7684\u540d\u518c\u5b57\u6bb5", None))
        self.mappingStatus.setText("")
        self.mappingStatus.setProperty(u"role", QCoreApplication.translate("ImportDialog", u"error", None))
        self.summaryLabel.setText("")
#if QT_CONFIG(tooltip)
        self.notesList.setToolTip(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165\u65f6\u8bf7\u7559\u610f\u7684\u4e8b\u9879\uff08\u4e0d\u5f71\u54cd\u5bfc\u5165\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.problemsLabel.setText("")
        self.problemsLabel.setProperty(u"role", QCoreApplication.translate("ImportDialog", u"error", None))
        self.copyProblemsButton.setText(QCoreApplication.translate("ImportDialog", u"\u590d\u5236\u95ee\u9898", None))
        self.saveProblemsButton.setText(QCoreApplication.translate("ImportDialog", u"\u4fdd\u5b58\u95ee\u9898\u2026", None))
        self.printProblemsButton.setText(QCoreApplication.translate("ImportDialog", u"\u6253\u5370\u95ee\u9898\u2026", None))
        self.goodRowsButton.setText(QCoreApplication.translate("ImportDialog", u"\u53ea\u5bfc\u5165\u65e0\u8bef\u7684\u884c\u2026", None))
#if QT_CONFIG(tooltip)
        self.goodRowsButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165\u6ca1\u6709\u95ee\u9898\u7684\u515a\u5458\uff0c\u6709\u95ee\u9898\u7684\u884c\u8fde\u540c\u201c\u95ee\u9898\u201d\u5217\u53e6\u5b58\u4e3a\u4e00\u4e2a\u5de5\u4f5c\u7c3f\uff0c\u6539\u6b63\u540e\u518d\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.previewLabel.setText(QCoreApplication.translate("ImportDialog", u"\u5c06\u5bfc\u5165\u7684\u515a\u5458\uff1a", None))
        self.busyLabel.setText("")
        self.backButton.setText(QCoreApplication.translate("ImportDialog", u"\u4e0a\u4e00\u6b65", None))
        self.nextButton.setText(QCoreApplication.translate("ImportDialog", u"\u4e0b\u4e00\u6b65", None))
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165", None))
        self.importButton.setProperty(u"role", QCoreApplication.translate("ImportDialog", u"primary", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportDialog", u"\u53d6\u6d88", None))
    # retranslateUi

