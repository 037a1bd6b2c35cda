# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_intro.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QLabel, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_WizardIntroPage(object):
    def setupUi(self, WizardIntroPage):
        if not WizardIntroPage.objectName():
            WizardIntroPage.setObjectName(u"WizardIntroPage")
        self.mainLayout = QVBoxLayout(WizardIntroPage)
        self.mainLayout.setSpacing(14)
        self.mainLayout.setObjectName(u"mainLayout")
        self.questionLabel = QLabel(WizardIntroPage)
        self.questionLabel.setObjectName(u"questionLabel")

        self.mainLayout.addWidget(self.questionLabel)

        self.waysLayout = QVBoxLayout()
        self.waysLayout.setSpacing(6)
        self.waysLayout.setObjectName(u"waysLayout")

        self.mainLayout.addLayout(self.waysLayout)

        self.verticalSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)


        self.retranslateUi(WizardIntroPage)

        QMetaObject.connectSlotsByName(WizardIntroPage)
    # setupUi

    def retranslateUi(self, WizardIntroPage):
        WizardIntroPage.setTitle(QCoreApplication.translate("WizardIntroPage", u"\u6b22\u8fce\u4f7f\u7528\u5148\u950b\u6307\u6570", None))
        WizardIntroPage.setSubTitle(QCoreApplication.translate("WizardIntroPage", u"\u5148\u950b\u6307\u6570\u5e2e\u52a9\u515a\u652f\u90e8\u8bb0\u5f55\u6d3b\u52a8\u3001\u515a\u8d39\u548c\u5148\u950b\u4e8b\u8ff9\uff0c\u6309\u5e74\u5ea6\u65b9\u6848\u7b97\u51fa\u515a\u5458\u79ef\u5206\uff0c\u5e76\u6253\u5370\u516c\u793a\u6750\u6599\u3002", None))
        self.questionLabel.setText(QCoreApplication.translate("WizardIntroPage", u"\u8fd9\u53f0\u7535\u8111\u4e0a\u8fd8\u6ca1\u6709\u8d26\u672c\u3002\u60a8\u60f3\uff1a", None))
    # retranslateUi

