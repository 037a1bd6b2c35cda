# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_location.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_WizardLocationPage(object):
    def setupUi(self, WizardLocationPage):
        if not WizardLocationPage.objectName():
            WizardLocationPage.setObjectName(u"WizardLocationPage")
        self.mainLayout = QVBoxLayout(WizardLocationPage)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.pathCaption = QLabel(WizardLocationPage)
        self.pathCaption.setObjectName(u"pathCaption")

        self.mainLayout.addWidget(self.pathCaption)

        self.pathLayout = QHBoxLayout()
        self.pathLayout.setSpacing(8)
        self.pathLayout.setObjectName(u"pathLayout")
        self.pathEdit = QLineEdit(WizardLocationPage)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathLayout.addWidget(self.pathEdit)

        self.browseButton = QPushButton(WizardLocationPage)
        self.browseButton.setObjectName(u"browseButton")

        self.pathLayout.addWidget(self.browseButton)


        self.mainLayout.addLayout(self.pathLayout)

        self.problemLabel = QLabel(WizardLocationPage)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.summaryLabel = QLabel(WizardLocationPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.verticalSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

#if QT_CONFIG(shortcut)
        self.pathCaption.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardLocationPage)

        QMetaObject.connectSlotsByName(WizardLocationPage)
    # setupUi

    def retranslateUi(self, WizardLocationPage):
        WizardLocationPage.setTitle(QCoreApplication.translate("WizardLocationPage", u"\u4fdd\u5b58\u4f4d\u7f6e", None))
        WizardLocationPage.setSubTitle(QCoreApplication.translate("WizardLocationPage", u"\u8d26\u672c\u662f\u4e00\u4e2a\u6587\u4ef6\u3002\u4e00\u822c\u7528\u9ed8\u8ba4\u4f4d\u7f6e\u5c31\u597d\uff1b\u7a0b\u5e8f\u4f1a\u81ea\u52a8\u5907\u4efd\u5b83\u3002", None))
        self.pathCaption.setText(QCoreApplication.translate("WizardLocationPage", u"\u8d26\u672c\u6587\u4ef6\uff1a", None))
        self.browseButton.setText(QCoreApplication.translate("WizardLocationPage", u"\u66f4\u6539\u2026", None))
        self.problemLabel.setProperty(u"role", QCoreApplication.translate("WizardLocationPage", u"error", None))
        self.summaryLabel.setProperty(u"role", QCoreApplication.translate("WizardLocationPage", u"notice", None))
    # retranslateUi

