# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'branch_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_BranchDialog(object):
    def setupUi(self, BranchDialog):
        if not BranchDialog.objectName():
            BranchDialog.setObjectName(u"BranchDialog")
        BranchDialog.resize(560, 470)
        self.mainLayout = QVBoxLayout(BranchDialog)
        self.mainLayout.setSpacing(14)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.introLabel = QLabel(BranchDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(12)
        self.nameLabel = QLabel(BranchDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(BranchDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(60)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameProblem = QLabel(BranchDialog)
        self.nameProblem.setObjectName(u"nameProblem")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameProblem)

        self.parentOrgLabel = QLabel(BranchDialog)
        self.parentOrgLabel.setObjectName(u"parentOrgLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentOrgLabel)

        self.parentOrgEdit = QLineEdit(BranchDialog)
        self.parentOrgEdit.setObjectName(u"parentOrgEdit")
        self.parentOrgEdit.setMaxLength(60)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentOrgEdit)

        self.kindLabel = QLabel(BranchDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(BranchDialog)
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.operatorLabel = QLabel(BranchDialog)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorEdit = QLineEdit(BranchDialog)
        self.operatorEdit.setObjectName(u"operatorEdit")
        self.operatorEdit.setMaxLength(20)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.operatorEdit)

        self.operatorHint = QLabel(BranchDialog)
        self.operatorHint.setObjectName(u"operatorHint")
        self.operatorHint.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.operatorHint)

        self.startLabel = QLabel(BranchDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startCombo = QComboBox(BranchDialog)
        self.startCombo.setObjectName(u"startCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.startCombo)

        self.startHint = QLabel(BranchDialog)
        self.startHint.setObjectName(u"startHint")
        self.startHint.setWordWrap(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.startHint)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(BranchDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.parentOrgLabel.setBuddy(self.parentOrgEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.operatorLabel.setBuddy(self.operatorEdit)
        self.startLabel.setBuddy(self.startCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.parentOrgEdit)
        QWidget.setTabOrder(self.parentOrgEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.operatorEdit)
        QWidget.setTabOrder(self.operatorEdit, self.startCombo)

        self.retranslateUi(BranchDialog)
        self.buttonBox.rejected.connect(BranchDialog.reject)

        QMetaObject.connectSlotsByName(BranchDialog)
    # setupUi

    def retranslateUi(self, BranchDialog):
        BranchDialog.setWindowTitle(QCoreApplication.translate("BranchDialog", u"\u652f\u90e8\u4fe1\u606f", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("BranchDialog", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("BranchDialog", u"\u652f\u90e8\u540d\u79f0\u4f1a\u5370\u5728\u540d\u518c\u3001\u516c\u793a\u548c\u8bc1\u4e66\u4e0a\u3002\u4fee\u6539\u4f1a\u8bb0\u5165\u64cd\u4f5c\u8bb0\u5f55\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("BranchDialog", u"\u652f\u90e8\u540d\u79f0 *\uff1a", None))
        self.nameProblem.setProperty(u"role", QCoreApplication.translate("BranchDialog", u"error", None))
        self.parentOrgLabel.setText(QCoreApplication.translate("BranchDialog", u"\u4e0a\u7ea7\u515a\u7ec4\u7ec7\uff1a", None))
        self.kindLabel.setText(QCoreApplication.translate("BranchDialog", u"\u652f\u90e8\u7c7b\u578b\uff1a", None))
        self.kindCombo.setItemText(0, QCoreApplication.translate("BranchDialog", u"\u519c\u6751", None))
        self.kindCombo.setItemText(1, QCoreApplication.translate("BranchDialog", u"\u793e\u533a", None))
        self.kindCombo.setItemText(2, QCoreApplication.translate("BranchDialog", u"\u673a\u5173", None))
        self.kindCombo.setItemText(3, QCoreApplication.translate("BranchDialog", u"\u4e8b\u4e1a\u5355\u4f4d", None))
        self.kindCombo.setItemText(4, QCoreApplication.translate("BranchDialog", u"\u5b66\u6821", None))
        self.kindCombo.setItemText(5, QCoreApplication.translate("BranchDialog", u"\u4e24\u65b0\u7ec4\u7ec7", None))
        self.kindCombo.setItemText(6, QCoreApplication.translate("BranchDialog", u"\u5176\u4ed6", None))

        self.operatorLabel.setText(QCoreApplication.translate("BranchDialog", u"\u7ecf\u529e\u4eba\uff1a", None))
        self.operatorEdit.setPlaceholderText(QCoreApplication.translate("BranchDialog", u"\u5728\u8fd9\u53f0\u7535\u8111\u4e0a\u8bb0\u8d26\u7684\u4eba\uff0c\u4f8b\u5982\uff1a\u5f20\u7ea2\u6885", None))
        self.operatorHint.setProperty(u"role", QCoreApplication.translate("BranchDialog", u"hint", None))
        self.operatorHint.setText(QCoreApplication.translate("BranchDialog", u"\u4f5c\u4e3a\u7533\u62a5\u3001\u516c\u793a\u3001\u786e\u8ba4\u7b49\u7684\u7ecf\u529e\u4eba\uff0c\u5370\u5728\u62a5\u9001\u4e61\u9547\u7684\u6750\u6599\u4e0a\u3002\u4e0d\u586b\u65f6\u64cd\u4f5c\u8bb0\u5f55\u7528\u7535\u8111\u767b\u5f55\u540d\uff0c\u62a5\u9001\u6750\u6599\u4e0a\u7559\u7a7a\u5f85\u624b\u7b7e\u3002", None))
        self.startLabel.setText(QCoreApplication.translate("BranchDialog", u"\u4ece\u54ea\u4e2a\u6708\u8d77\u8bb0\u5206\uff1a", None))
#if QT_CONFIG(tooltip)
        self.startCombo.setToolTip(QCoreApplication.translate("BranchDialog", u"\u5e74\u4e2d\u624d\u5f00\u59cb\u7528\u672c\u7a0b\u5e8f\u65f6\u9009\u5f00\u59cb\u7684\u6708\u4efd\uff1a\u6b64\u524d\u7684\u5b63\u5ea6\u4e0d\u8bb0\u5206\uff0c\u4e0d\u7528\u516c\u793a\u548c\u786e\u8ba4", None))
#endif // QT_CONFIG(tooltip)
        self.startHint.setProperty(u"role", QCoreApplication.translate("BranchDialog", u"hint", None))
        self.startHint.setText(QCoreApplication.translate("BranchDialog", u"\u6b64\u524d\u7684\u5b63\u5ea6\u4e0d\u8bb0\u5206\uff0c\u4e0d\u7528\u516c\u793a\u548c\u786e\u8ba4\u3002\u5df2\u6709\u516c\u793a\u6216\u786e\u8ba4\u7684\u5b63\u5ea6\u540e\u4e0d\u80fd\u518d\u6539\u3002", None))
    # retranslateUi

