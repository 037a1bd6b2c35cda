# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'committee_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QLabel, QTableWidget,
    QVBoxLayout)

class Ui_CommitteeDialog(object):
    def setupUi(self, CommitteeDialog):
        if not CommitteeDialog.objectName():
            CommitteeDialog.setObjectName(u"CommitteeDialog")
        CommitteeDialog.resize(520, 560)
        CommitteeDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(CommitteeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(CommitteeDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.table = QTableWidget(CommitteeDialog)
        self.table.setObjectName(u"table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.table)

        self.buttonBox = QDialogButtonBox(CommitteeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(CommitteeDialog)

        QMetaObject.connectSlotsByName(CommitteeDialog)
    # setupUi

    def retranslateUi(self, CommitteeDialog):
        CommitteeDialog.setWindowTitle(QCoreApplication.translate("CommitteeDialog", u"\u652f\u59d4\u4f1a\u6210\u5458", None))
        self.hintLabel.setProperty(u"role", QCoreApplication.translate("CommitteeDialog", u"hint", None))
        self.hintLabel.setText(QCoreApplication.translate("CommitteeDialog", u"\u52fe\u9009\u652f\u90e8\u59d4\u5458\u4f1a\u6210\u5458\u5e76\u9009\u62e9\u804c\u52a1\u3002\u652f\u59d4\u4f1a\u7684\u7b7e\u5230\u8868\u548c\u7b7e\u5230\u767b\u8bb0\u53ea\u5217\u652f\u59d4\u3002", None))
    # retranslateUi

