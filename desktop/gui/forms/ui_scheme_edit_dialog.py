# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scheme_edit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QLabel, QListWidget,
    QScrollArea, QVBoxLayout, QWidget)

class Ui_SchemeEditDialog(object):
    def setupUi(self, SchemeEditDialog):
        if not SchemeEditDialog.objectName():
            SchemeEditDialog.setObjectName(u"SchemeEditDialog")
        SchemeEditDialog.resize(900, 680)
        self.dialogLayout = QVBoxLayout(SchemeEditDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(SchemeEditDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(SchemeEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.scrollArea = QScrollArea(SchemeEditDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.formHost = QWidget()
        self.formHost.setObjectName(u"formHost")
        self.formLayout = QVBoxLayout(self.formHost)
        self.formLayout.setSpacing(12)
        self.formLayout.setObjectName(u"formLayout")
        self.scrollArea.setWidget(self.formHost)

        self.dialogLayout.addWidget(self.scrollArea)

        self.problemsLabel = QLabel(SchemeEditDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemsLabel)

        self.problemList = QListWidget(SchemeEditDialog)
        self.problemList.setObjectName(u"problemList")
        self.problemList.setMaximumSize(QSize(16777215, 130))
        self.problemList.setWordWrap(True)
        self.problemList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problemList.setSpacing(3)

        self.dialogLayout.addWidget(self.problemList)

        self.buttonBox = QDialogButtonBox(SchemeEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(SchemeEditDialog)

        QMetaObject.connectSlotsByName(SchemeEditDialog)
    # setupUi

    def retranslateUi(self, SchemeEditDialog):
        SchemeEditDialog.setWindowTitle(QCoreApplication.translate("SchemeEditDialog", u"\u4fee\u6539\u5206\u503c", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("SchemeEditDialog", u"section", None))
        self.titleLabel.setText("")
        self.introLabel.setProperty(u"role", QCoreApplication.translate("SchemeEditDialog", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("SchemeEditDialog", u"\u6263\u5206\u5199\u8d1f\u6570\uff08\u5982 -0.5\uff09\uff0c\u52a0\u5206\u5199\u6b63\u6570\uff1b\u201c\u4e0a\u9650\u201d\u7559\u7a7a\u8868\u793a\u4e0d\u8bbe\u4e0a\u9650\uff0c\u201c\u540d\u989d\u201d\u7559\u7a7a\u8868\u793a\u4e0d\u9650\u4eba\u6570\u3002\u4fdd\u5b58\u524d\u7a0b\u5e8f\u4f1a\u68c0\u67e5\u6574\u4e2a\u65b9\u6848\uff0c\u6709\u9519\u8bef\u65f6\u4e0d\u4f1a\u4fdd\u5b58\u3002", None))
        self.problemsLabel.setProperty(u"role", QCoreApplication.translate("SchemeEditDialog", u"error", None))
        self.problemsLabel.setText("")
    # retranslateUi

