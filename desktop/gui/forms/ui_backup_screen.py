# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout)

class Ui_BackupScreen(object):
    def setupUi(self, BackupScreen):
        if not BackupScreen.objectName():
            BackupScreen.setObjectName(u"BackupScreen")
        BackupScreen.resize(900, 600)
        self.mainLayout = QVBoxLayout(BackupScreen)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(28, 20, 28, 20)
        self.titleLabel = QLabel(BackupScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(BackupScreen)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(12)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.backupNowButton = QPushButton(BackupScreen)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.actionsLayout.addWidget(self.backupNowButton)

        self.backupToFolderButton = QPushButton(BackupScreen)
        self.backupToFolderButton.setObjectName(u"backupToFolderButton")

        self.actionsLayout.addWidget(self.backupToFolderButton)

        self.handoverButton = QPushButton(BackupScreen)
        self.handoverButton.setObjectName(u"handoverButton")

        self.actionsLayout.addWidget(self.handoverButton)

        self.receiptButton = QPushButton(BackupScreen)
        self.receiptButton.setObjectName(u"receiptButton")

        self.actionsLayout.addWidget(self.receiptButton)

        self.restoreFileButton = QPushButton(BackupScreen)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.actionsLayout.addWidget(self.restoreFileButton)

        self.actionsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.mainLayout.addLayout(self.actionsLayout)

        self.lastBackupLabel = QLabel(BackupScreen)
        self.lastBackupLabel.setObjectName(u"lastBackupLabel")
        self.lastBackupLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.lastBackupLabel)

        self.listTitleLabel = QLabel(BackupScreen)
        self.listTitleLabel.setObjectName(u"listTitleLabel")

        self.mainLayout.addWidget(self.listTitleLabel)

        self.backupsTable = QTableWidget(BackupScreen)
        self.backupsTable.setObjectName(u"backupsTable")
        self.backupsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backupsTable.setAlternatingRowColors(True)
        self.backupsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsTable.setWordWrap(False)
        self.backupsTable.horizontalHeader().setStretchLastSection(True)
        self.backupsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.backupsTable)

        self.emptyLabel = QLabel(BackupScreen)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.emptyLabel)

        self.listActionsLayout = QHBoxLayout()
        self.listActionsLayout.setSpacing(12)
        self.listActionsLayout.setObjectName(u"listActionsLayout")
        self.restoreSelectedButton = QPushButton(BackupScreen)
        self.restoreSelectedButton.setObjectName(u"restoreSelectedButton")

        self.listActionsLayout.addWidget(self.restoreSelectedButton)

        self.openFolderButton = QPushButton(BackupScreen)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.listActionsLayout.addWidget(self.openFolderButton)

        self.listActionsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listActionsLayout.addItem(self.listActionsSpacer)


        self.mainLayout.addLayout(self.listActionsLayout)

        self.folderLabel = QLabel(BackupScreen)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.folderLabel)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.mainLayout.setStretch(5, 1)

        self.retranslateUi(BackupScreen)

        QMetaObject.connectSlotsByName(BackupScreen)
    # setupUi

    def retranslateUi(self, BackupScreen):
        self.titleLabel.setText(QCoreApplication.translate("BackupScreen", u"\u5907\u4efd\u4e0e\u6062\u590d", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("BackupScreen", u"title", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("BackupScreen", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("BackupScreen", u"\u6bcf\u6b21\u5173\u95ed\u7a0b\u5e8f\u65f6\uff0c\u7a0b\u5e8f\u90fd\u4f1a\u81ea\u52a8\u628a\u8d26\u672c\u5907\u4efd\u5230\u672c\u673a\uff0c\u5e76\u4fdd\u7559\u6700\u8fd1 30 \u4efd\u3002\u5efa\u8bae\u6bcf\u6708\u518d\u5907\u4efd\u4e00\u4efd\u5230U\u76d8\uff0c\u653e\u5728\u522b\u5904\u4fdd\u7ba1\uff1b\u7535\u8111\u574f\u4e86\u4e5f\u80fd\u4eceU\u76d8\u6062\u590d\u3002", None))
        self.backupNowButton.setText(QCoreApplication.translate("BackupScreen", u"\u7acb\u5373\u5907\u4efd", None))
#if QT_CONFIG(tooltip)
        self.backupNowButton.setToolTip(QCoreApplication.translate("BackupScreen", u"\u9a6c\u4e0a\u5728\u672c\u673a\u5907\u4efd\u4e00\u4efd\uff08Ctrl+B\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.backupNowButton.setProperty(u"role", QCoreApplication.translate("BackupScreen", u"primary", None))
        self.backupToFolderButton.setText(QCoreApplication.translate("BackupScreen", u"\u5907\u4efd\u5230U\u76d8\u6216\u6587\u4ef6\u5939\u2026", None))
        self.handoverButton.setText(QCoreApplication.translate("BackupScreen", u"\u62a5\u9001\u4e61\u9547\u2026", None))
#if QT_CONFIG(tooltip)
        self.handoverButton.setToolTip(QCoreApplication.translate("BackupScreen", u"\u628a\u672c\u5e74\u5ea6\u7684\u8d26\u672c\u5907\u4efd\u3001\u4ea4\u6362\u5de5\u4f5c\u7c3f\u548c\u5404\u79cd\u8868\uff08PDF\uff09\u5199\u6210\u62a5\u9001\u5305\uff0c\u4ea4\u4e61\u9547\uff08\u8857\u9053\uff09\u515a\u59d4\u5ba1\u6838", None))
#endif // QT_CONFIG(tooltip)
        self.receiptButton.setText(QCoreApplication.translate("BackupScreen", u"\u5bfc\u5165\u4e61\u9547\u5ba1\u6838\u56de\u6267\u2026", None))
#if QT_CONFIG(tooltip)
        self.receiptButton.setToolTip(QCoreApplication.translate("BackupScreen", u"\u628a\u4e61\u9547\uff08\u8857\u9053\uff09\u515a\u59d4\u5bf9\u62a5\u9001\u5305\u7684\u5ba1\u6838\u56de\u6267\u8bb0\u5165\u8d26\u672c\uff08\u5ba1\u6838\u610f\u89c1\u3001\u56db\u661f\u4e94\u661f\u515a\u5458\u7684\u5ba1\u6279\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.restoreFileButton.setText(QCoreApplication.translate("BackupScreen", u"\u4ece\u5907\u4efd\u6587\u4ef6\u6062\u590d\u2026", None))
        self.listTitleLabel.setText(QCoreApplication.translate("BackupScreen", u"\u672c\u673a\u4e0a\u7684\u5907\u4efd", None))
        self.listTitleLabel.setProperty(u"role", QCoreApplication.translate("BackupScreen", u"section", None))
        self.emptyLabel.setProperty(u"role", QCoreApplication.translate("BackupScreen", u"hint", None))
        self.emptyLabel.setText(QCoreApplication.translate("BackupScreen", u"\u672c\u673a\u8fd8\u6ca1\u6709\u5907\u4efd\u3002\u70b9\u201c\u7acb\u5373\u5907\u4efd\u201d\uff0c\u6216\u5173\u95ed\u7a0b\u5e8f\u65f6\u4f1a\u81ea\u52a8\u5907\u4efd\u4e00\u4efd\u3002", None))
        self.restoreSelectedButton.setText(QCoreApplication.translate("BackupScreen", u"\u7528\u9009\u4e2d\u7684\u5907\u4efd\u6062\u590d\u2026", None))
        self.openFolderButton.setText(QCoreApplication.translate("BackupScreen", u"\u6253\u5f00\u5907\u4efd\u6587\u4ef6\u5939", None))
        self.folderLabel.setProperty(u"role", QCoreApplication.translate("BackupScreen", u"hint", None))
        pass
    # retranslateUi

