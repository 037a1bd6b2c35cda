# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_RestorePreviewDialog(object):
    def setupUi(self, RestorePreviewDialog):
        if not RestorePreviewDialog.objectName():
            RestorePreviewDialog.setObjectName(u"RestorePreviewDialog")
        RestorePreviewDialog.resize(600, 460)
        self.mainLayout = QVBoxLayout(RestorePreviewDialog)
        self.mainLayout.setSpacing(14)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(RestorePreviewDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(18)
        self.formLayout.setVerticalSpacing(10)
        self.branchCaption = QLabel(RestorePreviewDialog)
        self.branchCaption.setObjectName(u"branchCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.branchCaption)

        self.branchValue = QLabel(RestorePreviewDialog)
        self.branchValue.setObjectName(u"branchValue")
        self.branchValue.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.branchValue)

        self.yearCaption = QLabel(RestorePreviewDialog)
        self.yearCaption.setObjectName(u"yearCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearCaption)

        self.yearValue = QLabel(RestorePreviewDialog)
        self.yearValue.setObjectName(u"yearValue")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearValue)

        self.countsCaption = QLabel(RestorePreviewDialog)
        self.countsCaption.setObjectName(u"countsCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.countsCaption)

        self.countsValue = QLabel(RestorePreviewDialog)
        self.countsValue.setObjectName(u"countsValue")
        self.countsValue.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.countsValue)

        self.lastActionCaption = QLabel(RestorePreviewDialog)
        self.lastActionCaption.setObjectName(u"lastActionCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lastActionCaption)

        self.lastActionValue = QLabel(RestorePreviewDialog)
        self.lastActionValue.setObjectName(u"lastActionValue")
        self.lastActionValue.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.lastActionValue)

        self.fileCaption = QLabel(RestorePreviewDialog)
        self.fileCaption.setObjectName(u"fileCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fileCaption)

        self.fileValue = QLabel(RestorePreviewDialog)
        self.fileValue.setObjectName(u"fileValue")
        self.fileValue.setWordWrap(True)
        self.fileValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.fileValue)


        self.mainLayout.addLayout(self.formLayout)

        self.warningLabel = QLabel(RestorePreviewDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.warningLabel)

        self.concernsLabel = QLabel(RestorePreviewDialog)
        self.concernsLabel.setObjectName(u"concernsLabel")
        self.concernsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.concernsLabel)

        self.otherBranchCheck = QCheckBox(RestorePreviewDialog)
        self.otherBranchCheck.setObjectName(u"otherBranchCheck")

        self.mainLayout.addWidget(self.otherBranchCheck)

        self.verticalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(RestorePreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(RestorePreviewDialog)
        self.buttonBox.accepted.connect(RestorePreviewDialog.accept)
        self.buttonBox.rejected.connect(RestorePreviewDialog.reject)

        QMetaObject.connectSlotsByName(RestorePreviewDialog)
    # setupUi

    def retranslateUi(self, RestorePreviewDialog):
        RestorePreviewDialog.setWindowTitle(QCoreApplication.translate("RestorePreviewDialog", u"\u4ece\u5907\u4efd\u6062\u590d", None))
        self.titleLabel.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u8fd9\u4efd\u5907\u4efd\u91cc\u6709\u4ec0\u4e48", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("RestorePreviewDialog", u"title", None))
        self.branchCaption.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u652f\u90e8\uff1a", None))
        self.yearCaption.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u5e74\u5ea6\uff1a", None))
        self.countsCaption.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u5185\u5bb9\uff1a", None))
        self.lastActionCaption.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u6700\u540e\u4e00\u6b21\u64cd\u4f5c\uff1a", None))
        self.fileCaption.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u5907\u4efd\u6587\u4ef6\uff1a", None))
        self.fileValue.setProperty(u"role", QCoreApplication.translate("RestorePreviewDialog", u"hint", None))
        self.warningLabel.setProperty(u"role", QCoreApplication.translate("RestorePreviewDialog", u"notice", None))
        self.warningLabel.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u6062\u590d\u540e\uff0c\u5f53\u524d\u8d26\u672c\u7684\u5185\u5bb9\u5c06\u6362\u6210\u8fd9\u4efd\u5907\u4efd\u7684\u5185\u5bb9\u3002\u6062\u590d\u524d\u7a0b\u5e8f\u4f1a\u5148\u628a\u5f53\u524d\u8d26\u672c\u81ea\u52a8\u5907\u4efd\u4e00\u4efd\uff0c\u4e0d\u4f1a\u4e22\u5931\u3002", None))
        self.concernsLabel.setProperty(u"role", QCoreApplication.translate("RestorePreviewDialog", u"error", None))
        self.otherBranchCheck.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u6211\u786e\u8ba4\u8981\u7528\u53e6\u4e00\u4e2a\u652f\u90e8\u7684\u5907\u4efd\u66ff\u6362\u5f53\u524d\u8d26\u672c", None))
    # retranslateUi

