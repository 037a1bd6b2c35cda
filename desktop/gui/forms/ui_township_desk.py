# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'township_desk.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_TownshipDesk(object):
    def setupUi(self, TownshipDesk):
        if not TownshipDesk.objectName():
            TownshipDesk.setObjectName(u"TownshipDesk")
        TownshipDesk.resize(1200, 720)
        self.mainLayout = QVBoxLayout(TownshipDesk)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(20, 16, 20, 16)
        self.titleLabel = QLabel(TownshipDesk)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(TownshipDesk)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.chooseLayout = QHBoxLayout()
        self.chooseLayout.setSpacing(10)
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.chooseButton = QPushButton(TownshipDesk)
        self.chooseButton.setObjectName(u"chooseButton")

        self.chooseLayout.addWidget(self.chooseButton)

        self.rescanButton = QPushButton(TownshipDesk)
        self.rescanButton.setObjectName(u"rescanButton")

        self.chooseLayout.addWidget(self.rescanButton)

        self.passwordLabel = QLabel(TownshipDesk)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.chooseLayout.addWidget(self.passwordLabel)

        self.passwordEdit = QLineEdit(TownshipDesk)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.chooseLayout.addWidget(self.passwordEdit)

        self.folderLabel = QLabel(TownshipDesk)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setWordWrap(True)

        self.chooseLayout.addWidget(self.folderLabel)


        self.mainLayout.addLayout(self.chooseLayout)

        self.progressBar = QProgressBar(TownshipDesk)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.mainLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(TownshipDesk)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.splitter = QSplitter(TownshipDesk)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.packTable = QTableView(self.splitter)
        self.packTable.setObjectName(u"packTable")
        self.packTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packTable.setAlternatingRowColors(True)
        self.packTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.packTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packTable.setWordWrap(True)
        self.splitter.addWidget(self.packTable)
        self.packTable.horizontalHeader().setStretchLastSection(True)
        self.packTable.verticalHeader().setVisible(False)
        self.detailText = QPlainTextEdit(self.splitter)
        self.detailText.setObjectName(u"detailText")
        self.detailText.setReadOnly(True)
        self.splitter.addWidget(self.detailText)

        self.mainLayout.addWidget(self.splitter)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(10)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.openButton = QPushButton(TownshipDesk)
        self.openButton.setObjectName(u"openButton")

        self.buttonsLayout.addWidget(self.openButton)

        self.decisionButton = QPushButton(TownshipDesk)
        self.decisionButton.setObjectName(u"decisionButton")

        self.buttonsLayout.addWidget(self.decisionButton)

        self.printButton = QPushButton(TownshipDesk)
        self.printButton.setObjectName(u"printButton")

        self.buttonsLayout.addWidget(self.printButton)

        self.exportButton = QPushButton(TownshipDesk)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonsLayout.addWidget(self.exportButton)

        self.buttonsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(TownshipDesk)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.mainLayout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.rescanButton)
        QWidget.setTabOrder(self.rescanButton, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.packTable)
        QWidget.setTabOrder(self.packTable, self.openButton)
        QWidget.setTabOrder(self.openButton, self.decisionButton)
        QWidget.setTabOrder(self.decisionButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.exportButton)

        self.retranslateUi(TownshipDesk)

        QMetaObject.connectSlotsByName(TownshipDesk)
    # setupUi

    def retranslateUi(self, TownshipDesk):
        TownshipDesk.setWindowTitle(QCoreApplication.translate("TownshipDesk", u"\u4e61\u9547\u5ba1\u6838\u53f0 \u2014 \u5148\u950b\u6307\u6570", None))
        self.titleLabel.setText(QCoreApplication.translate("TownshipDesk", u"\u4e61\u9547\uff08\u8857\u9053\uff09\u5ba1\u6838\u53f0", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("TownshipDesk", u"title", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("TownshipDesk", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("TownshipDesk", u"\u9009\u62e9\u88c5\u6709\u62a5\u9001\u5305\u7684U\u76d8\u6216\u6587\u4ef6\u5939\uff1a\u7a0b\u5e8f\u627e\u51fa\u5176\u4e2d\u6bcf\u4e2a\u652f\u90e8\u7684\u62a5\u9001\u5305\uff0c\u9010\u4e2a\u6587\u4ef6\u6838\u5bf9\uff0c\u6bcf\u4e2a\u652f\u90e8\u5217\u4e00\u884c\u3002\u53ea\u8bfb\u6838\u5bf9\uff0c\u4e0d\u6539\u52a8U\u76d8\u4e0a\u7684\u4efb\u4f55\u6587\u4ef6\uff1b\u53ea\u6709\u60a8\u8981\u6c42\u4fdd\u5b58\u7684\u5ba1\u6838\u56de\u6267\u4f1a\u5199\u5230\u62a5\u9001\u5305\u65c1\u8fb9\u3002\u53cc\u51fb\u4e00\u884c\u53ef\u53ea\u8bfb\u67e5\u770b\u8be5\u652f\u90e8\u7684\u8d26\u672c\u3002", None))
        self.chooseButton.setText(QCoreApplication.translate("TownshipDesk", u"\u9009\u62e9U\u76d8\u6216\u6587\u4ef6\u5939\u2026", None))
        self.chooseButton.setProperty(u"role", QCoreApplication.translate("TownshipDesk", u"primary", None))
        self.rescanButton.setText(QCoreApplication.translate("TownshipDesk", u"\u91cd\u65b0\u6838\u5bf9", None))
        self.passwordLabel.setText(QCoreApplication.translate("TownshipDesk", u"\u52a0\u5bc6\u62a5\u9001\u5305\u7684\u5bc6\u7801\uff1a", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("TownshipDesk", u"\u6ca1\u6709\u52a0\u5bc6\u53ef\u4e0d\u586b", None))
        self.openButton.setText(QCoreApplication.translate("TownshipDesk", u"\u53ea\u8bfb\u67e5\u770b\u8d26\u672c", None))
        self.decisionButton.setText(QCoreApplication.translate("TownshipDesk", u"\u8bb0\u5f55\u5ba1\u6838\u610f\u89c1\u2026", None))
        self.printButton.setText(QCoreApplication.translate("TownshipDesk", u"\u6253\u5370\u6c47\u603b\u8868\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("TownshipDesk", u"\u5bfc\u51fa\u6c47\u603b\u8868\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("TownshipDesk", u"\u5173\u95ed", None))
    # retranslateUi

