# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'journal_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QTableView, QVBoxLayout)

class Ui_JournalScreen(object):
    def setupUi(self, JournalScreen):
        if not JournalScreen.objectName():
            JournalScreen.setObjectName(u"JournalScreen")
        JournalScreen.resize(900, 600)
        self.mainLayout = QVBoxLayout(JournalScreen)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(28, 20, 28, 20)
        self.titleLabel = QLabel(JournalScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.introLabel = QLabel(JournalScreen)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.introLabel)

        self.refreshButton = QPushButton(JournalScreen)
        self.refreshButton.setObjectName(u"refreshButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.refreshButton.sizePolicy().hasHeightForWidth())
        self.refreshButton.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.journalView = QTableView(JournalScreen)
        self.journalView.setObjectName(u"journalView")
        self.journalView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.journalView.setAlternatingRowColors(True)
        self.journalView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.journalView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.journalView.setWordWrap(False)
        self.journalView.horizontalHeader().setStretchLastSection(True)
        self.journalView.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.journalView)

        self.countLabel = QLabel(JournalScreen)
        self.countLabel.setObjectName(u"countLabel")

        self.mainLayout.addWidget(self.countLabel)


        self.retranslateUi(JournalScreen)

        QMetaObject.connectSlotsByName(JournalScreen)
    # setupUi

    def retranslateUi(self, JournalScreen):
        self.titleLabel.setText(QCoreApplication.translate("JournalScreen", u"\u64cd\u4f5c\u8bb0\u5f55", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("JournalScreen", u"title", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("JournalScreen", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("JournalScreen", u"\u8d26\u672c\u91cc\u7684\u6bcf\u4e00\u6b21\u6539\u52a8\u90fd\u8bb0\u5728\u8fd9\u91cc\uff1a\u4ec0\u4e48\u65f6\u5019\u3001\u8c01\u3001\u505a\u4e86\u4ec0\u4e48\u3002\u8bb0\u5f55\u53ea\u80fd\u67e5\u770b\uff0c\u4e0d\u80fd\u4fee\u6539\u3002", None))
        self.refreshButton.setText(QCoreApplication.translate("JournalScreen", u"\u5237\u65b0", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("JournalScreen", u"\u91cd\u65b0\u8bfb\u53d6\u64cd\u4f5c\u8bb0\u5f55\uff08F5\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setProperty(u"role", QCoreApplication.translate("JournalScreen", u"hint", None))
        pass
    # retranslateUi

