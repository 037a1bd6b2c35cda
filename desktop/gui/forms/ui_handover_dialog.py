# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handover_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_HandoverDialog(object):
    def setupUi(self, HandoverDialog):
        if not HandoverDialog.objectName():
            HandoverDialog.setObjectName(u"HandoverDialog")
        HandoverDialog.resize(620, 420)
        self.mainLayout = QVBoxLayout(HandoverDialog)
        self.mainLayout.setSpacing(14)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.introLabel = QLabel(HandoverDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(12)
        self.folderLabel = QLabel(HandoverDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(HandoverDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(HandoverDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.folderLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderLayout)

        self.yearLabel = QLabel(HandoverDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(HandoverDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.operatorLabel = QLabel(HandoverDialog)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorEdit = QLineEdit(HandoverDialog)
        self.operatorEdit.setObjectName(u"operatorEdit")
        self.operatorEdit.setMaxLength(20)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.operatorEdit)

        self.encryptCheck = QCheckBox(HandoverDialog)
        self.encryptCheck.setObjectName(u"encryptCheck")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.encryptCheck)

        self.passwordLabel = QLabel(HandoverDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(HandoverDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.password2Label = QLabel(HandoverDialog)
        self.password2Label.setObjectName(u"password2Label")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.password2Label)

        self.password2Edit = QLineEdit(HandoverDialog)
        self.password2Edit.setObjectName(u"password2Edit")
        self.password2Edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.password2Edit)


        self.mainLayout.addLayout(self.formLayout)

        self.progressBar = QProgressBar(HandoverDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.mainLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(HandoverDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.problemLabel = QLabel(HandoverDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(HandoverDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folderEdit)
        self.yearLabel.setBuddy(self.yearSpin)
        self.operatorLabel.setBuddy(self.operatorEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.password2Label.setBuddy(self.password2Edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folderEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.operatorEdit)
        QWidget.setTabOrder(self.operatorEdit, self.encryptCheck)
        QWidget.setTabOrder(self.encryptCheck, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.password2Edit)

        self.retranslateUi(HandoverDialog)

        QMetaObject.connectSlotsByName(HandoverDialog)
    # setupUi

    def retranslateUi(self, HandoverDialog):
        HandoverDialog.setWindowTitle(QCoreApplication.translate("HandoverDialog", u"\u62a5\u9001\u4e61\u9547", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("HandoverDialog", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u5728U\u76d8\u4e0a\u5199\u4e00\u4e2a\u62a5\u9001\u5305\u6587\u4ef6\u5939\uff1a\u7ecf\u8fc7\u6821\u9a8c\u7684\u8d26\u672c\u5907\u4efd\u3001\u4ea4\u6362\u5de5\u4f5c\u7c3f\u3001\u672c\u5e74\u5ea6\u7684\u82b1\u540d\u518c\u3001\u516c\u793a\u8868\u3001\u5ba1\u6838\u8868\u3001\u7edf\u8ba1\u8868\u548c\u515a\u8d39\u53f0\u8d26\uff08PDF\uff09\u3001\u6e05\u5355\u548c\u4e00\u9875\u8bf4\u660e\u3002\u4e61\u9547\u4e0d\u88c5\u7a0b\u5e8f\u4e5f\u80fd\u770b PDF\uff0c\u88c5\u4e86\u7a0b\u5e8f\u53ef\u4ee5\u9010\u4e2a\u6587\u4ef6\u6838\u5bf9\u3002", None))
        self.folderLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.folderEdit.setPlaceholderText(QCoreApplication.translate("HandoverDialog", u"\u9009\u62e9U\u76d8\u6216\u6587\u4ef6\u5939", None))
        self.browseButton.setText(QCoreApplication.translate("HandoverDialog", u"\u9009\u62e9\u2026", None))
        self.yearLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u62a5\u9001\u5e74\u5ea6\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("HandoverDialog", u" \u5e74", None))
        self.operatorLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u7ecf\u529e\u4eba\uff1a", None))
        self.operatorEdit.setPlaceholderText(QCoreApplication.translate("HandoverDialog", u"\u4e0d\u586b\u65f6\u8bf4\u660e\u4e0a\u7559\u7a7a\uff0c\u7531\u7ecf\u529e\u4eba\u624b\u7b7e", None))
#if QT_CONFIG(tooltip)
        self.operatorEdit.setToolTip(QCoreApplication.translate("HandoverDialog", u"\u5370\u5728\u62a5\u9001\u5305\u7684\u201c\u8bf7\u5148\u9605\u8bfb\u201d\u8bf4\u660e\u4e0a\uff1b\u53ea\u7528\u4e8e\u8fd9\u4e00\u6b21\u62a5\u9001\uff0c\u4e0d\u6539\u53d8\u652f\u90e8\u4fe1\u606f\u4e2d\u7684\u7ecf\u529e\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.encryptCheck.setText(QCoreApplication.translate("HandoverDialog", u"\u7ed9\u8d26\u672c\u5907\u4efd\u548c\u4ea4\u6362\u5de5\u4f5c\u7c3f\u52a0\u5bc6\uff08\u9700\u8981\u628a\u5bc6\u7801\u53e6\u884c\u544a\u8bc9\u4e61\u9547\uff09", None))
        self.passwordLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u5bc6\u7801\uff1a", None))
        self.password2Label.setText(QCoreApplication.translate("HandoverDialog", u"\u518d\u8f93\u4e00\u6b21\uff1a", None))
        self.statusLabel.setProperty(u"role", QCoreApplication.translate("HandoverDialog", u"hint", None))
        self.problemLabel.setProperty(u"role", QCoreApplication.translate("HandoverDialog", u"error", None))
    # retranslateUi

