# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
    QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout,
    QWidget)

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.resize(860, 640)
        self.mainLayout = QVBoxLayout(DecisionDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.packLabel = QLabel(DecisionDialog)
        self.packLabel.setObjectName(u"packLabel")
        self.packLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.packLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(10)
        self.decisionLabel = QLabel(DecisionDialog)
        self.decisionLabel.setObjectName(u"decisionLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionLabel)

        self.decisionLayout = QHBoxLayout()
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.passRadio = QRadioButton(DecisionDialog)
        self.passRadio.setObjectName(u"passRadio")
        self.passRadio.setChecked(True)

        self.decisionLayout.addWidget(self.passRadio)

        self.returnRadio = QRadioButton(DecisionDialog)
        self.returnRadio.setObjectName(u"returnRadio")

        self.decisionLayout.addWidget(self.returnRadio)

        self.decisionSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionLayout.addItem(self.decisionSpacer)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.decisionLayout)

        self.opinionLabel = QLabel(DecisionDialog)
        self.opinionLabel.setObjectName(u"opinionLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.opinionLabel)

        self.opinionEdit = QPlainTextEdit(DecisionDialog)
        self.opinionEdit.setObjectName(u"opinionEdit")
        self.opinionEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.opinionEdit)

        self.reviewerLabel = QLabel(DecisionDialog)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reviewerLabel)

        self.reviewerEdit = QLineEdit(DecisionDialog)
        self.reviewerEdit.setObjectName(u"reviewerEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reviewerEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.starsLabel = QLabel(DecisionDialog)
        self.starsLabel.setObjectName(u"starsLabel")
        self.starsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.starsLabel)

        self.noStarsLabel = QLabel(DecisionDialog)
        self.noStarsLabel.setObjectName(u"noStarsLabel")

        self.mainLayout.addWidget(self.noStarsLabel)

        self.starsTable = QTableWidget(DecisionDialog)
        self.starsTable.setObjectName(u"starsTable")
        self.starsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.starsTable.horizontalHeader().setStretchLastSection(True)
        self.starsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.starsTable)

        self.claimsLabel = QLabel(DecisionDialog)
        self.claimsLabel.setObjectName(u"claimsLabel")
        self.claimsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.claimsLabel)

        self.claimsTable = QTableWidget(DecisionDialog)
        self.claimsTable.setObjectName(u"claimsTable")
        self.claimsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.claimsTable.horizontalHeader().setStretchLastSection(True)
        self.claimsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.claimsTable)

        self.problemLabel = QLabel(DecisionDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(DecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(4, 1)
        self.mainLayout.setStretch(6, 1)
#if QT_CONFIG(shortcut)
        self.opinionLabel.setBuddy(self.opinionEdit)
        self.reviewerLabel.setBuddy(self.reviewerEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passRadio, self.returnRadio)
        QWidget.setTabOrder(self.returnRadio, self.opinionEdit)
        QWidget.setTabOrder(self.opinionEdit, self.reviewerEdit)
        QWidget.setTabOrder(self.reviewerEdit, self.starsTable)
        QWidget.setTabOrder(self.starsTable, self.claimsTable)

        self.retranslateUi(DecisionDialog)

        QMetaObject.connectSlotsByName(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"\u8bb0\u5f55\u5ba1\u6838\u610f\u89c1", None))
        self.decisionLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5ba1\u6838\u7ed3\u8bba\uff1a", None))
        self.passRadio.setText(QCoreApplication.translate("DecisionDialog", u"\u901a\u8fc7", None))
        self.returnRadio.setText(QCoreApplication.translate("DecisionDialog", u"\u9000\u56de\u4fee\u6539", None))
        self.opinionLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5ba1\u6838\u610f\u89c1\uff1a", None))
        self.reviewerLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5ba1\u6838\u4eba\uff1a", None))
        self.starsLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5f85\u4e0a\u7ea7\u5ba1\u6279\u7684\u8bc4\u5b9a\u7ed3\u679c\uff08\u56db\u661f\u3001\u4e94\u661f\u7b49\uff1b\u4e0d\u6279\u51c6\u7684\u8bf7\u5199\u660e\u7406\u7531\uff09\uff1a", None))
        self.noStarsLabel.setProperty(u"role", QCoreApplication.translate("DecisionDialog", u"hint", None))
        self.noStarsLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8fd9\u4efd\u62a5\u9001\u5305\u6ca1\u6709\u5f85\u4e0a\u7ea7\u5ba1\u6279\u7684\u8bc4\u5b9a\u7ed3\u679c\u3002", None))
        self.claimsLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u5f85\u4e0a\u7ea7\u5ba1\u5b9a\u7684\u79ef\u5206\u7533\u62a5\uff08\u7ecf\u652f\u59d4\u4f1a\u5ba1\u5b9a\uff0c\u62a5\u4e0a\u7ea7\u5ba1\u5b9a\u540e\u624d\u8ba1\u5206\uff1b\u4e0d\u6279\u51c6\u7684\u8bf7\u5199\u660e\u7406\u7531\uff09\uff1a", None))
        self.problemLabel.setProperty(u"role", QCoreApplication.translate("DecisionDialog", u"error", None))
    # retranslateUi

