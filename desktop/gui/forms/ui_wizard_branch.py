# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_branch.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_WizardBranchPage(object):
    def setupUi(self, WizardBranchPage):
        if not WizardBranchPage.objectName():
            WizardBranchPage.setObjectName(u"WizardBranchPage")
        self.mainLayout = QVBoxLayout(WizardBranchPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(14)
        self.branchNameLabel = QLabel(WizardBranchPage)
        self.branchNameLabel.setObjectName(u"branchNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.branchNameLabel)

        self.branchNameEdit = QLineEdit(WizardBranchPage)
        self.branchNameEdit.setObjectName(u"branchNameEdit")
        self.branchNameEdit.setMaxLength(60)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.branchNameEdit)

        self.parentOrgLabel = QLabel(WizardBranchPage)
        self.parentOrgLabel.setObjectName(u"parentOrgLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.parentOrgLabel)

        self.parentOrgEdit = QLineEdit(WizardBranchPage)
        self.parentOrgEdit.setObjectName(u"parentOrgEdit")
        self.parentOrgEdit.setMaxLength(60)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.parentOrgEdit)

        self.kindLabel = QLabel(WizardBranchPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(WizardBranchPage)
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.yearLabel = QLabel(WizardBranchPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(WizardBranchPage)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2026)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.operatorLabel = QLabel(WizardBranchPage)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorEdit = QLineEdit(WizardBranchPage)
        self.operatorEdit.setObjectName(u"operatorEdit")
        self.operatorEdit.setMaxLength(20)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.operatorEdit)

        self.operatorHint = QLabel(WizardBranchPage)
        self.operatorHint.setObjectName(u"operatorHint")
        self.operatorHint.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.operatorHint)

        self.startLabel = QLabel(WizardBranchPage)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startCombo = QComboBox(WizardBranchPage)
        self.startCombo.setObjectName(u"startCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.startCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(WizardBranchPage)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.verticalSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

#if QT_CONFIG(shortcut)
        self.branchNameLabel.setBuddy(self.branchNameEdit)
        self.parentOrgLabel.setBuddy(self.parentOrgEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.yearLabel.setBuddy(self.yearSpin)
        self.operatorLabel.setBuddy(self.operatorEdit)
        self.startLabel.setBuddy(self.startCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.branchNameEdit, self.parentOrgEdit)
        QWidget.setTabOrder(self.parentOrgEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.operatorEdit)

        self.retranslateUi(WizardBranchPage)

        QMetaObject.connectSlotsByName(WizardBranchPage)
    # setupUi

    def retranslateUi(self, WizardBranchPage):
        WizardBranchPage.setTitle(QCoreApplication.translate("WizardBranchPage", u"\u652f\u90e8\u4fe1\u606f", None))
        WizardBranchPage.setSubTitle(QCoreApplication.translate("WizardBranchPage", u"\u8fd9\u4e9b\u4fe1\u606f\u4f1a\u5370\u5728\u540d\u518c\u3001\u516c\u793a\u548c\u8bc1\u4e66\u4e0a\uff0c\u4ee5\u540e\u53ef\u4ee5\u4fee\u6539\u3002\u5e26 * \u7684\u5fc5\u987b\u586b\u5199\u3002", None))
        self.branchNameLabel.setText(QCoreApplication.translate("WizardBranchPage", u"\u652f\u90e8\u540d\u79f0 *\uff1a", None))
        self.branchNameEdit.setPlaceholderText(QCoreApplication.translate("WizardBranchPage", u"\u4f8b\u5982\uff1a\u4e2d\u5171\u00d7\u00d7\u6751\u652f\u90e8\u59d4\u5458\u4f1a", None))
        self.parentOrgLabel.setText(QCoreApplication.translate("WizardBranchPage", u"\u4e0a\u7ea7\u515a\u7ec4\u7ec7\uff1a", None))
        self.parentOrgEdit.setPlaceholderText(QCoreApplication.translate("WizardBranchPage", u"\u4f8b\u5982\uff1a\u4e2d\u5171\u00d7\u00d7\u9547\u59d4\u5458\u4f1a", None))
        self.kindLabel.setText(QCoreApplication.translate("WizardBranchPage", u"\u652f\u90e8\u7c7b\u578b\uff1a", None))
        self.kindCombo.setItemText(0, QCoreApplication.translate("WizardBranchPage", u"\u519c\u6751", None))
        self.kindCombo.setItemText(1, QCoreApplication.translate("WizardBranchPage", u"\u793e\u533a", None))
        self.kindCombo.setItemText(2, QCoreApplication.translate("WizardBranchPage", u"\u673a\u5173", None))
        self.kindCombo.setItemText(3, QCoreApplication.translate("WizardBranchPage", u"\u4e8b\u4e1a\u5355\u4f4d", None))
        self.kindCombo.setItemText(4, QCoreApplication.translate("WizardBranchPage", u"\u5b66\u6821", None))
        self.kindCombo.setItemText(5, QCoreApplication.translate("WizardBranchPage", u"\u4e24\u65b0\u7ec4\u7ec7", None))
        self.kindCombo.setItemText(6, QCoreApplication.translate("WizardBranchPage", u"\u5176\u4ed6", None))

        self.yearLabel.setText(QCoreApplication.translate("WizardBranchPage", u"\u5e74\u5ea6 *\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("WizardBranchPage", u" \u5e74", None))
        self.operatorLabel.setText(QCoreApplication.translate("WizardBranchPage", u"\u7ecf\u529e\u4eba\uff1a", None))
        self.operatorEdit.setPlaceholderText(QCoreApplication.translate("WizardBranchPage", u"\u60a8\u7684\u59d3\u540d\uff0c\u5982\uff1a\u5f20\u7ea2\u6885\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.operatorHint.setProperty(u"role", QCoreApplication.translate("WizardBranchPage", u"hint", None))
        self.operatorHint.setText(QCoreApplication.translate("WizardBranchPage", u"\u5370\u5728\u62a5\u9001\u4e61\u9547\u7684\u6750\u6599\u4e0a\uff0c\u5e76\u8bb0\u5165\u64cd\u4f5c\u8bb0\u5f55\u3002\u4e0d\u586b\u65f6\u6750\u6599\u4e0a\u7559\u7a7a\uff0c\u7531\u7ecf\u529e\u4eba\u624b\u7b7e\uff1b\u64cd\u4f5c\u8bb0\u5f55\u8bb0\u7535\u8111\u7684\u767b\u5f55\u540d\u3002", None))
        self.startLabel.setText(QCoreApplication.translate("WizardBranchPage", u"\u4ece\u54ea\u4e2a\u6708\u8d77\u8bb0\u5206\uff1a", None))
#if QT_CONFIG(tooltip)
        self.startCombo.setToolTip(QCoreApplication.translate("WizardBranchPage", u"\u5e74\u4e2d\u624d\u5f00\u59cb\u7528\u672c\u7a0b\u5e8f\u65f6\u9009\u5f00\u59cb\u7684\u6708\u4efd\uff1a\u6b64\u524d\u7684\u5b63\u5ea6\u4e0d\u8bb0\u5206\uff0c\u4e0d\u7528\u516c\u793a\u548c\u786e\u8ba4", None))
#endif // QT_CONFIG(tooltip)
        self.problemLabel.setProperty(u"role", QCoreApplication.translate("WizardBranchPage", u"error", None))
    # retranslateUi

