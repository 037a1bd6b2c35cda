# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_scheme.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QLabel, QListWidget, QVBoxLayout)

class Ui_WizardSchemePage(object):
    def setupUi(self, WizardSchemePage):
        if not WizardSchemePage.objectName():
            WizardSchemePage.setObjectName(u"WizardSchemePage")
        self.mainLayout = QVBoxLayout(WizardSchemePage)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.schemeList = QListWidget(WizardSchemePage)
        self.schemeList.setObjectName(u"schemeList")
        self.schemeList.setAlternatingRowColors(False)
        self.schemeList.setWordWrap(True)

        self.mainLayout.addWidget(self.schemeList)

        self.descriptionLabel = QLabel(WizardSchemePage)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.descriptionLabel)


        self.retranslateUi(WizardSchemePage)

        QMetaObject.connectSlotsByName(WizardSchemePage)
    # setupUi

    def retranslateUi(self, WizardSchemePage):
        WizardSchemePage.setTitle(QCoreApplication.translate("WizardSchemePage", u"\u79ef\u5206\u65b9\u6848", None))
        WizardSchemePage.setSubTitle(QCoreApplication.translate("WizardSchemePage", u"\u9009\u4e00\u4e2a\u4e0e\u672c\u5730\u505a\u6cd5\u6700\u63a5\u8fd1\u7684\u65b9\u6848\u4f5c\u4e3a\u8d77\u70b9\uff1b\u5177\u4f53\u5206\u503c\u4ee5\u540e\u53ef\u4ee5\u8c03\u6574\u3002", None))
        self.descriptionLabel.setProperty(u"role", QCoreApplication.translate("WizardSchemePage", u"hint", None))
    # retranslateUi

