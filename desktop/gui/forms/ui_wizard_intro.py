# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_intro.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QLabel, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout)

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

        self.newRadio = QRadioButton(WizardIntroPage)
        self.newRadio.setObjectName(u"newRadio")
        self.newRadio.setChecked(True)

        self.mainLayout.addWidget(self.newRadio)

        self.newHint = QLabel(WizardIntroPage)
        self.newHint.setObjectName(u"newHint")
        self.newHint.setWordWrap(True)
        self.newHint.setIndent(28)

        self.mainLayout.addWidget(self.newHint)

        self.demoRadio = QRadioButton(WizardIntroPage)
        self.demoRadio.setObjectName(u"demoRadio")

        self.mainLayout.addWidget(self.demoRadio)

        self.demoHint = QLabel(WizardIntroPage)
        self.demoHint.setObjectName(u"demoHint")
        self.demoHint.setWordWrap(True)
        self.demoHint.setIndent(28)

        self.mainLayout.addWidget(self.demoHint)

        self.townshipRadio = QRadioButton(WizardIntroPage)
        self.townshipRadio.setObjectName(u"townshipRadio")

        self.mainLayout.addWidget(self.townshipRadio)

        self.townshipHint = QLabel(WizardIntroPage)
        self.townshipHint.setObjectName(u"townshipHint")
        self.townshipHint.setWordWrap(True)
        self.townshipHint.setIndent(28)

        self.mainLayout.addWidget(self.townshipHint)

        self.verticalSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)


        self.retranslateUi(WizardIntroPage)

        QMetaObject.connectSlotsByName(WizardIntroPage)
    # setupUi

    def retranslateUi(self, WizardIntroPage):
        WizardIntroPage.setTitle(QCoreApplication.translate("WizardIntroPage", u"\u6b22\u8fce\u4f7f\u7528\u5148\u950b\u6307\u6570", None))
        WizardIntroPage.setSubTitle(QCoreApplication.translate("WizardIntroPage", u"\u5148\u950b\u6307\u6570\u5e2e\u52a9\u515a\u652f\u90e8\u8bb0\u5f55\u6d3b\u52a8\u3001\u515a\u8d39\u548c\u5148\u950b\u4e8b\u8ff9\uff0c\u6309\u5e74\u5ea6\u65b9\u6848\u7b97\u51fa\u515a\u5458\u79ef\u5206\uff0c\u5e76\u6253\u5370\u516c\u793a\u6750\u6599\u3002", None))
        self.questionLabel.setText(QCoreApplication.translate("WizardIntroPage", u"\u8fd9\u53f0\u7535\u8111\u4e0a\u8fd8\u6ca1\u6709\u8d26\u672c\u3002\u60a8\u60f3\uff1a", None))
        self.newRadio.setText(QCoreApplication.translate("WizardIntroPage", u"\u4e3a\u6211\u4eec\u652f\u90e8\u65b0\u5efa\u8d26\u672c\uff08\u63a8\u8350\uff09", None))
        self.newHint.setProperty(u"role", QCoreApplication.translate("WizardIntroPage", u"hint", None))
        self.newHint.setText(QCoreApplication.translate("WizardIntroPage", u"\u63a5\u4e0b\u6765\u586b\u5199\u652f\u90e8\u540d\u79f0\u3001\u5e74\u5ea6\u548c\u79ef\u5206\u65b9\u6848\uff0c\u5927\u7ea6\u4e00\u5206\u949f\u3002\u515a\u5458\u540d\u518c\u4ee5\u540e\u53ef\u4ee5\u9010\u4e2a\u5f55\u5165\uff0c\u4e5f\u53ef\u4ee5\u4ece Excel \u5bfc\u5165\u3002", None))
        self.demoRadio.setText(QCoreApplication.translate("WizardIntroPage", u"\u751f\u6210\u793a\u8303\u652f\u90e8\uff08\u5148\u770b\u770b\uff09", None))
        self.demoHint.setProperty(u"role", QCoreApplication.translate("WizardIntroPage", u"hint", None))
        self.demoHint.setText(QCoreApplication.translate("WizardIntroPage", u"\u7a0b\u5e8f\u751f\u6210\u4e00\u4e2a\u865a\u6784\u7684\u652f\u90e8\uff08\u7ea6 40 \u540d\u515a\u5458\u30013 \u4e2a\u515a\u5c0f\u7ec4\uff09\uff0c\u53ef\u4ee5\u968f\u610f\u8bd5\u7528\uff0c\u4e0d\u5f71\u54cd\u4ee5\u540e\u65b0\u5efa\u7684\u771f\u5b9e\u8d26\u672c\u3002", None))
        self.townshipRadio.setText(QCoreApplication.translate("WizardIntroPage", u"\u4e61\u9547\uff08\u8857\u9053\uff09\u5ba1\u6838", None))
        self.townshipHint.setProperty(u"role", QCoreApplication.translate("WizardIntroPage", u"hint", None))
        self.townshipHint.setText(QCoreApplication.translate("WizardIntroPage", u"\u4e61\u9547\uff08\u8857\u9053\uff09\u515a\u59d4\u7528\uff1a\u6838\u5bf9\u5404\u652f\u90e8\u4ea4\u6765\u7684\u62a5\u9001\u5305\uff0c\u6c47\u603b\u3001\u6253\u5370\uff0c\u5199\u5ba1\u6838\u56de\u6267\u3002\u4e0d\u9700\u8981\u8d26\u672c\u3002", None))
    # retranslateUi

