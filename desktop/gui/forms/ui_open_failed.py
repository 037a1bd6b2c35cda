# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'open_failed.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

class Ui_OpenFailedDialog(object):
    def setupUi(self, OpenFailedDialog):
        if not OpenFailedDialog.objectName():
            OpenFailedDialog.setObjectName(u"OpenFailedDialog")
        OpenFailedDialog.resize(620, 420)
        self.mainLayout = QVBoxLayout(OpenFailedDialog)
        self.mainLayout.setSpacing(14)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(16)
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(OpenFailedDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.iconLabel.sizePolicy().hasHeightForWidth())
        self.iconLabel.setSizePolicy(sizePolicy)
        self.iconLabel.setMinimumSize(QSize(56, 56))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.textLayout = QVBoxLayout()
        self.textLayout.setSpacing(8)
        self.textLayout.setObjectName(u"textLayout")
        self.titleLabel = QLabel(OpenFailedDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.textLayout.addWidget(self.titleLabel)

        self.messageLabel = QLabel(OpenFailedDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.textLayout.addWidget(self.messageLabel)

        self.pathLabel = QLabel(OpenFailedDialog)
        self.pathLabel.setObjectName(u"pathLabel")
        self.pathLabel.setWordWrap(True)
        self.pathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.textLayout.addWidget(self.pathLabel)

        self.reassureLabel = QLabel(OpenFailedDialog)
        self.reassureLabel.setObjectName(u"reassureLabel")
        self.reassureLabel.setWordWrap(True)

        self.textLayout.addWidget(self.reassureLabel)


        self.headerLayout.addLayout(self.textLayout)

        self.headerLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.headerLayout)

        self.openOtherButton = QPushButton(OpenFailedDialog)
        self.openOtherButton.setObjectName(u"openOtherButton")

        self.mainLayout.addWidget(self.openOtherButton)

        self.restoreButton = QPushButton(OpenFailedDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.mainLayout.addWidget(self.restoreButton)

        self.newButton = QPushButton(OpenFailedDialog)
        self.newButton.setObjectName(u"newButton")

        self.mainLayout.addWidget(self.newButton)

        self.verticalSpacer = QSpacerItem(10, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.quitLayout = QHBoxLayout()
        self.quitLayout.setObjectName(u"quitLayout")
        self.horizontalSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quitLayout.addItem(self.horizontalSpacer)

        self.quitButton = QPushButton(OpenFailedDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.quitLayout.addWidget(self.quitButton)


        self.mainLayout.addLayout(self.quitLayout)


        self.retranslateUi(OpenFailedDialog)

        QMetaObject.connectSlotsByName(OpenFailedDialog)
    # setupUi

    def retranslateUi(self, OpenFailedDialog):
        OpenFailedDialog.setWindowTitle(QCoreApplication.translate("OpenFailedDialog", u"\u65e0\u6cd5\u6253\u5f00\u8d26\u672c", None))
        self.titleLabel.setText(QCoreApplication.translate("OpenFailedDialog", u"\u8fd9\u4e2a\u8d26\u672c\u6253\u4e0d\u5f00", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("OpenFailedDialog", u"title", None))
        self.pathLabel.setProperty(u"role", QCoreApplication.translate("OpenFailedDialog", u"hint", None))
        self.reassureLabel.setText(QCoreApplication.translate("OpenFailedDialog", u"\u7a0b\u5e8f\u6ca1\u6709\u6539\u52a8\u8fd9\u4e2a\u6587\u4ef6\u3002\u60a8\u53ef\u4ee5\uff1a", None))
        self.openOtherButton.setText(QCoreApplication.translate("OpenFailedDialog", u"\u6253\u5f00\u5176\u4ed6\u8d26\u672c\u2026", None))
#if QT_CONFIG(tooltip)
        self.openOtherButton.setToolTip(QCoreApplication.translate("OpenFailedDialog", u"\u9009\u62e9\u7535\u8111\u6216U\u76d8\u4e0a\u7684\u53e6\u4e00\u4e2a\u8d26\u672c\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.restoreButton.setText(QCoreApplication.translate("OpenFailedDialog", u"\u4ece\u5907\u4efd\u6062\u590d\u2026", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("OpenFailedDialog", u"\u7528\u4e00\u4efd\u5907\u4efd\u6587\u4ef6\u6062\u590d\u8d26\u672c\uff1b\u6253\u4e0d\u5f00\u7684\u6587\u4ef6\u4f1a\u539f\u6837\u4fdd\u7559\u5728\u5907\u4efd\u6587\u4ef6\u5939\u91cc", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("OpenFailedDialog", u"\u65b0\u5efa\u8d26\u672c\u2026", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("OpenFailedDialog", u"\u53e6\u5916\u65b0\u5efa\u4e00\u4e2a\u7a7a\u767d\u8d26\u672c\uff08\u4e0d\u4f1a\u8986\u76d6\u8fd9\u4e2a\u6587\u4ef6\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.quitButton.setText(QCoreApplication.translate("OpenFailedDialog", u"\u9000\u51fa", None))
    # retranslateUi

