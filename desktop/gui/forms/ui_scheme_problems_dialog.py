# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scheme_problems_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QLabel, QListWidget,
    QVBoxLayout)

class Ui_SchemeProblemsDialog(object):
    def setupUi(self, SchemeProblemsDialog):
        if not SchemeProblemsDialog.objectName():
            SchemeProblemsDialog.setObjectName(u"SchemeProblemsDialog")
        SchemeProblemsDialog.resize(760, 460)
        self.dialogLayout = QVBoxLayout(SchemeProblemsDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.messageLabel = QLabel(SchemeProblemsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.hintLabel = QLabel(SchemeProblemsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.problemList = QListWidget(SchemeProblemsDialog)
        self.problemList.setObjectName(u"problemList")
        self.problemList.setWordWrap(True)
        self.problemList.setAlternatingRowColors(True)
        self.problemList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problemList.setSpacing(3)

        self.dialogLayout.addWidget(self.problemList)

        self.buttonBox = QDialogButtonBox(SchemeProblemsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(2, 1)

        self.retranslateUi(SchemeProblemsDialog)

        QMetaObject.connectSlotsByName(SchemeProblemsDialog)
    # setupUi

    def retranslateUi(self, SchemeProblemsDialog):
        SchemeProblemsDialog.setWindowTitle(QCoreApplication.translate("SchemeProblemsDialog", u"\u65b9\u6848\u6587\u4ef6\u6709\u9519\u8bef", None))
        self.messageLabel.setProperty(u"role", QCoreApplication.translate("SchemeProblemsDialog", u"section", None))
        self.messageLabel.setText("")
        self.hintLabel.setProperty(u"role", QCoreApplication.translate("SchemeProblemsDialog", u"hint", None))
        self.hintLabel.setText(QCoreApplication.translate("SchemeProblemsDialog", u"\u6bcf\u4e00\u884c\u5199\u660e\u9519\u8bef\u6240\u5728\u7684\u4f4d\u7f6e\u548c\u539f\u56e0\u3002\u6539\u6b63\u65b9\u6848\u6587\u4ef6\u540e\u518d\u5bfc\u5165\u4e00\u6b21\uff1b\u5f53\u524d\u5e74\u5ea6\u7684\u65b9\u6848\u6ca1\u6709\u4efb\u4f55\u6539\u52a8\u3002", None))
    # retranslateUi

