# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meetings_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QTableWidget,
    QVBoxLayout, QWidget)

class Ui_MeetingsScreen(object):
    def setupUi(self, MeetingsScreen):
        if not MeetingsScreen.objectName():
            MeetingsScreen.setObjectName(u"MeetingsScreen")
        MeetingsScreen.resize(1200, 700)
        self.mainLayout = QVBoxLayout(MeetingsScreen)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(MeetingsScreen)
        self.tabs.setObjectName(u"tabs")
        self.activitiesTab = QWidget()
        self.activitiesTab.setObjectName(u"activitiesTab")
        self.activitiesLayout = QHBoxLayout(self.activitiesTab)
        self.activitiesLayout.setObjectName(u"activitiesLayout")
        self.splitter = QSplitter(self.activitiesTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 6, 0)
        self.listActions = QHBoxLayout()
        self.listActions.setObjectName(u"listActions")
        self.newButton = QPushButton(self.listPane)
        self.newButton.setObjectName(u"newButton")

        self.listActions.addWidget(self.newButton)

        self.editButton = QPushButton(self.listPane)
        self.editButton.setObjectName(u"editButton")

        self.listActions.addWidget(self.editButton)

        self.deleteButton = QPushButton(self.listPane)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listActions.addWidget(self.deleteButton)

        self.listSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listActions.addItem(self.listSpacer)

        self.yearCombo = QComboBox(self.listPane)
        self.yearCombo.setObjectName(u"yearCombo")

        self.listActions.addWidget(self.yearCombo)


        self.listLayout.addLayout(self.listActions)

        self.activityTable = QTableWidget(self.listPane)
        self.activityTable.setObjectName(u"activityTable")
        self.activityTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activityTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activityTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.activityTable.setAlternatingRowColors(True)
        self.activityTable.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.activityTable)

        self.printActions = QHBoxLayout()
        self.printActions.setObjectName(u"printActions")
        self.signinButton = QPushButton(self.listPane)
        self.signinButton.setObjectName(u"signinButton")

        self.printActions.addWidget(self.signinButton)

        self.signinStyleCombo = QComboBox(self.listPane)
        self.signinStyleCombo.addItem("")
        self.signinStyleCombo.addItem("")
        self.signinStyleCombo.addItem("")
        self.signinStyleCombo.setObjectName(u"signinStyleCombo")

        self.printActions.addWidget(self.signinStyleCombo)

        self.recordButton = QPushButton(self.listPane)
        self.recordButton.setObjectName(u"recordButton")

        self.printActions.addWidget(self.recordButton)

        self.printSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.printActions.addItem(self.printSpacer)


        self.listLayout.addLayout(self.printActions)

        self.listSummary = QLabel(self.listPane)
        self.listSummary.setObjectName(u"listSummary")
        self.listSummary.setWordWrap(True)

        self.listLayout.addWidget(self.listSummary)

        self.splitter.addWidget(self.listPane)
        self.detailPane = QWidget(self.splitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(6, 0, 0, 0)
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.activityTitle = QLabel(self.detailPane)
        self.activityTitle.setObjectName(u"activityTitle")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.activityTitle.sizePolicy().hasHeightForWidth())
        self.activityTitle.setSizePolicy(sizePolicy)
        self.activityTitle.setWordWrap(True)

        self.titleRow.addWidget(self.activityTitle)

        self.revertButton = QPushButton(self.detailPane)
        self.revertButton.setObjectName(u"revertButton")

        self.titleRow.addWidget(self.revertButton)

        self.saveButton = QPushButton(self.detailPane)
        self.saveButton.setObjectName(u"saveButton")

        self.titleRow.addWidget(self.saveButton)


        self.detailLayout.addLayout(self.titleRow)

        self.activityInfo = QLabel(self.detailPane)
        self.activityInfo.setObjectName(u"activityInfo")
        self.activityInfo.setWordWrap(True)

        self.detailLayout.addWidget(self.activityInfo)

        self.keysHint = QLabel(self.detailPane)
        self.keysHint.setObjectName(u"keysHint")
        self.keysHint.setWordWrap(True)

        self.detailLayout.addWidget(self.keysHint)

        self.entryRow = QHBoxLayout()
        self.entryRow.setObjectName(u"entryRow")
        self.allPresentButton = QPushButton(self.detailPane)
        self.allPresentButton.setObjectName(u"allPresentButton")

        self.entryRow.addWidget(self.allPresentButton)

        self.searchEdit = QLineEdit(self.detailPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(150, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.entryRow.addWidget(self.searchEdit)

        self.countsLabel = QLabel(self.detailPane)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setWordWrap(False)

        self.entryRow.addWidget(self.countsLabel)


        self.detailLayout.addLayout(self.entryRow)

        self.attendanceTable = QTableWidget(self.detailPane)
        self.attendanceTable.setObjectName(u"attendanceTable")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.attendanceTable.sizePolicy().hasHeightForWidth())
        self.attendanceTable.setSizePolicy(sizePolicy1)
        self.attendanceTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attendanceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendanceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendanceTable.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.attendanceTable)

        self.detailGrid = QGridLayout()
        self.detailGrid.setObjectName(u"detailGrid")
        self.reasonLabel = QLabel(self.detailPane)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.detailGrid.addWidget(self.reasonLabel, 0, 0, 1, 1)

        self.reasonEdit = QLineEdit(self.detailPane)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.detailGrid.addWidget(self.reasonEdit, 0, 1, 1, 1)

        self.hostOrgLabel = QLabel(self.detailPane)
        self.hostOrgLabel.setObjectName(u"hostOrgLabel")

        self.detailGrid.addWidget(self.hostOrgLabel, 0, 2, 1, 1)

        self.hostOrgEdit = QLineEdit(self.detailPane)
        self.hostOrgEdit.setObjectName(u"hostOrgEdit")

        self.detailGrid.addWidget(self.hostOrgEdit, 0, 3, 1, 1)

        self.witnessLabel = QLabel(self.detailPane)
        self.witnessLabel.setObjectName(u"witnessLabel")

        self.detailGrid.addWidget(self.witnessLabel, 1, 0, 1, 1)

        self.witness1Combo = QComboBox(self.detailPane)
        self.witness1Combo.setObjectName(u"witness1Combo")

        self.detailGrid.addWidget(self.witness1Combo, 1, 1, 1, 1)

        self.witness2Combo = QComboBox(self.detailPane)
        self.witness2Combo.setObjectName(u"witness2Combo")

        self.detailGrid.addWidget(self.witness2Combo, 1, 3, 1, 1)

        self.detailGrid.setColumnStretch(1, 1)
        self.detailGrid.setColumnStretch(3, 1)

        self.detailLayout.addLayout(self.detailGrid)

        self.pointsLabel = QLabel(self.detailPane)
        self.pointsLabel.setObjectName(u"pointsLabel")
        self.pointsLabel.setWordWrap(True)
        self.pointsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.pointsLabel)

        self.splitter.addWidget(self.detailPane)

        self.activitiesLayout.addWidget(self.splitter)

        self.tabs.addTab(self.activitiesTab, "")
        self.planTab = QWidget()
        self.planTab.setObjectName(u"planTab")
        self.planLayout = QVBoxLayout(self.planTab)
        self.planLayout.setObjectName(u"planLayout")
        self.planActions = QHBoxLayout()
        self.planActions.setObjectName(u"planActions")
        self.generateButton = QPushButton(self.planTab)
        self.generateButton.setObjectName(u"generateButton")

        self.planActions.addWidget(self.generateButton)

        self.planActivityButton = QPushButton(self.planTab)
        self.planActivityButton.setObjectName(u"planActivityButton")

        self.planActions.addWidget(self.planActivityButton)

        self.templateButton = QPushButton(self.planTab)
        self.templateButton.setObjectName(u"templateButton")

        self.planActions.addWidget(self.templateButton)

        self.committeeButton = QPushButton(self.planTab)
        self.committeeButton.setObjectName(u"committeeButton")

        self.planActions.addWidget(self.committeeButton)

        self.planSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.planActions.addItem(self.planSpacer)

        self.planSummary = QLabel(self.planTab)
        self.planSummary.setObjectName(u"planSummary")

        self.planActions.addWidget(self.planSummary)


        self.planLayout.addLayout(self.planActions)

        self.planTable = QTableWidget(self.planTab)
        self.planTable.setObjectName(u"planTable")
        self.planTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.planTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.planTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.planTable.verticalHeader().setVisible(False)

        self.planLayout.addWidget(self.planTable)

        self.tabs.addTab(self.planTab, "")
        self.followTab = QWidget()
        self.followTab.setObjectName(u"followTab")
        self.followLayout = QVBoxLayout(self.followTab)
        self.followLayout.setObjectName(u"followLayout")
        self.followActions = QHBoxLayout()
        self.followActions.setObjectName(u"followActions")
        self.issueButton = QPushButton(self.followTab)
        self.issueButton.setObjectName(u"issueButton")

        self.followActions.addWidget(self.issueButton)

        self.printNoticeButton = QPushButton(self.followTab)
        self.printNoticeButton.setObjectName(u"printNoticeButton")

        self.followActions.addWidget(self.printNoticeButton)

        self.summaryButton = QPushButton(self.followTab)
        self.summaryButton.setObjectName(u"summaryButton")

        self.followActions.addWidget(self.summaryButton)

        self.followSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followActions.addItem(self.followSpacer)

        self.followSummary = QLabel(self.followTab)
        self.followSummary.setObjectName(u"followSummary")

        self.followActions.addWidget(self.followSummary)


        self.followLayout.addLayout(self.followActions)

        self.followTable = QTableWidget(self.followTab)
        self.followTable.setObjectName(u"followTable")
        self.followTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.followTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.followTable.setWordWrap(True)
        self.followTable.verticalHeader().setVisible(False)

        self.followLayout.addWidget(self.followTable)

        self.tabs.addTab(self.followTab, "")

        self.mainLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.hostOrgLabel.setBuddy(self.hostOrgEdit)
        self.witnessLabel.setBuddy(self.witness1Combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.hostOrgEdit)
        QWidget.setTabOrder(self.hostOrgEdit, self.witness1Combo)
        QWidget.setTabOrder(self.witness1Combo, self.witness2Combo)
        QWidget.setTabOrder(self.witness2Combo, self.saveButton)

        self.retranslateUi(MeetingsScreen)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MeetingsScreen)
    # setupUi

    def retranslateUi(self, MeetingsScreen):
        MeetingsScreen.setWindowTitle(QCoreApplication.translate("MeetingsScreen", u"\u4f1a\u8bae\u6d3b\u52a8", None))
        self.newButton.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"primary", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u767b\u8bb0\u4e00\u6b21\u4f1a\u8bae\u6216\u6d3b\u52a8\uff08\u53ef\u5728\u4f1a\u524d\u767b\u8bb0\uff0c\u5148\u6253\u5370\u7b7e\u5230\u8868\uff09\u3002\u5feb\u6377\u952e Insert", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u767b\u8bb0\u6d3b\u52a8", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u4fee\u6539\u9009\u4e2d\u6d3b\u52a8\u7684\u65f6\u95f4\u3001\u4e3b\u9898\u3001\u4f1a\u8bae\u8bb0\u5f55\u7b49", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u7f16\u8f91", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u5220\u9664\u767b\u8bb0\u9519\u4e86\u3001\u8fd8\u6ca1\u6709\u7b7e\u5230\u7684\u6d3b\u52a8", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u663e\u793a\u54ea\u4e00\u5e74\u7684\u6d3b\u52a8", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.signinButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u751f\u6210\u8fd9\u6b21\u6d3b\u52a8\u7684 A4 \u7b7e\u5230\u8868\uff08PDF\uff09\uff0c\u4f1a\u524d\u6253\u5370\u3001\u4f1a\u4e0a\u7b7e\u540d", None))
#endif // QT_CONFIG(tooltip)
        self.signinButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u6253\u5370\u7b7e\u5230\u8868\u2026", None))
        self.signinStyleCombo.setItemText(0, QCoreApplication.translate("MeetingsScreen", u"\u6309\u7b14\u753b", None))
        self.signinStyleCombo.setItemText(1, QCoreApplication.translate("MeetingsScreen", u"\u6309\u62fc\u97f3", None))
        self.signinStyleCombo.setItemText(2, QCoreApplication.translate("MeetingsScreen", u"\u7b14\u753b\u00b7\u4e24\u680f", None))

#if QT_CONFIG(tooltip)
        self.signinStyleCombo.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u7b7e\u5230\u8868\u7684\u6392\u5e8f\u548c\u7248\u5f0f\uff1a\u6309\u59d3\u6c0f\u7b14\u753b\u6216\u62fc\u97f3\uff1b\u4e24\u680f\u6392\u7248\u66f4\u7701\u7eb8", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u751f\u6210\u515a\u5458\u79ef\u5206\u7eaa\u5b9e\u7ba1\u7406\u8bb0\u5f55\u8868\uff08PDF\uff09\uff1a\u8c01\u53c2\u52a0\u3001\u8bf7\u5047\u3001\u7f3a\u5e2d\uff0c\u5404\u5f97\u591a\u5c11\u5206", None))
#endif // QT_CONFIG(tooltip)
        self.recordButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u6253\u5370\u7eaa\u5b9e\u8868\u2026", None))
        self.listSummary.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"hint", None))
        self.listSummary.setText("")
        self.activityTitle.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"title", None))
        self.activityTitle.setText(QCoreApplication.translate("MeetingsScreen", u"\u8bf7\u5728\u5de6\u4fa7\u9009\u62e9\u4e00\u6b21\u6d3b\u52a8", None))
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u653e\u5f03\u8fd8\u6ca1\u4fdd\u5b58\u7684\u7b7e\u5230\u66f4\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.revertButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u64a4\u9500", None))
        self.saveButton.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"primary", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u4fdd\u5b58\u8fd9\u6b21\u6d3b\u52a8\u7684\u7b7e\u5230\uff08Ctrl+S\uff09\uff0c\u79ef\u5206\u968f\u5373\u66f4\u65b0", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u4fdd\u5b58 (Ctrl+S)", None))
        self.activityInfo.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"hint", None))
        self.activityInfo.setText("")
        self.keysHint.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"hint", None))
        self.keysHint.setText(QCoreApplication.translate("MeetingsScreen", u"F2 \u5168\u90e8\u51fa\u5e2d\uff1b\u8f93\u5165\u59d3\u540d\u6216\u62fc\u97f3\uff0c\u518d\u6309 1 \u51fa\u5e2d\u30002 \u56e0\u516c\u8bf7\u5047\u30003 \u56e0\u79c1\u8bf7\u5047\u30004 \u65e0\u6545\u7f3a\u5e2d\u30005 \u8865\u5f55", None))
#if QT_CONFIG(tooltip)
        self.allPresentButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u628a\u8fd8\u6ca1\u767b\u8bb0\u7684\u515a\u5458\u5168\u90e8\u6807\u4e3a\u201c\u51fa\u5e2d\u201d\uff08F2\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.allPresentButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u5168\u90e8\u51fa\u5e2d (F2)", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u8f93\u5165\u59d3\u540d\u6216\u62fc\u97f3\uff08\u5982 ly\u3001liuyang\u3001lyang\uff09\u627e\u5230\u515a\u5458\uff0c\u53ef\u6309\u56de\u8f66\u9009\u5b9a\uff0c\u518d\u6309\u6570\u5b57\u952e\uff1a1 \u51fa\u5e2d\u30002 \u56e0\u516c\u8bf7\u5047\u30003 \u56e0\u79c1\u8bf7\u5047\u30004 \u65e0\u6545\u7f3a\u5e2d\u30005 \u8865\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MeetingsScreen", u"\u59d3\u540d\u6216\u62fc\u97f3\uff0c\u5982 ly\u3001lyang", None))
        self.countsLabel.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("MeetingsScreen", u"\u4e8b\u7531/\u8bf4\u660e", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u8bf7\u5047\u4e8b\u7531\u6216\u8865\u5f55\u8bf4\u660e\uff08\u53ef\u4e0d\u586b\uff09\uff0c\u56de\u8f66\u6216 Esc \u56de\u5230\u59d3\u540d\u6846", None))
#endif // QT_CONFIG(tooltip)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("MeetingsScreen", u"\u5982\uff1a\u5916\u51fa\u52a1\u5de5\u3001\u770b\u75c5\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.hostOrgLabel.setText(QCoreApplication.translate("MeetingsScreen", u"\u5728\u5916\u5730\u53c2\u52a0", None))
#if QT_CONFIG(tooltip)
        self.hostOrgEdit.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u6d41\u52a8\u515a\u5458\u5728\u6d41\u5165\u5730\u515a\u7ec4\u7ec7\u53c2\u52a0\u6d3b\u52a8\u65f6\uff0c\u586b\u5199\u8be5\u515a\u7ec4\u7ec7\u540d\u79f0", None))
#endif // QT_CONFIG(tooltip)
        self.hostOrgEdit.setPlaceholderText(QCoreApplication.translate("MeetingsScreen", u"\u6d41\u52a8\u515a\u5458\uff1a\u6d41\u5165\u5730\u515a\u7ec4\u7ec7\u540d\u79f0", None))
        self.witnessLabel.setText(QCoreApplication.translate("MeetingsScreen", u"\u8865\u5f55\u8bc1\u660e\u4eba", None))
#if QT_CONFIG(tooltip)
        self.witness1Combo.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u8865\u5f55\u987b\u6709\u4e24\u540d\u672c\u652f\u90e8\u515a\u5458\u8bc1\u660e", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.witness2Combo.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u8865\u5f55\u987b\u6709\u4e24\u540d\u672c\u652f\u90e8\u515a\u5458\u8bc1\u660e", None))
#endif // QT_CONFIG(tooltip)
        self.pointsLabel.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"notice", None))
        self.pointsLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.activitiesTab), QCoreApplication.translate("MeetingsScreen", u"\u6d3b\u52a8\u4e0e\u7b7e\u5230", None))
        self.generateButton.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"primary", None))
#if QT_CONFIG(tooltip)
        self.generateButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u6309\u6d3b\u52a8\u6a21\u677f\u751f\u6210\u672c\u5e74\u5ea6\u7684\u884c\u4e8b\u5386\uff1a\u6bcf\u6708\u4e3b\u9898\u515a\u65e5\u3001\u96c6\u4e2d\u5b66\u4e60\u3001\u652f\u59d4\u4f1a\uff0c\u6bcf\u5b63\u5ea6\u515a\u8bfe\u548c\u5404\u515a\u5c0f\u7ec4\u4f1a\uff0c\u6bcf\u5e74\u7ec4\u7ec7\u751f\u6d3b\u4f1a\u548c\u6c11\u4e3b\u8bc4\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.generateButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u751f\u6210\u5e74\u5ea6\u8ba1\u5212", None))
#if QT_CONFIG(tooltip)
        self.planActivityButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u6309\u9009\u4e2d\u7684\u8ba1\u5212\u9879\u767b\u8bb0\u4e00\u6b21\u6d3b\u52a8\uff08\u65e5\u671f\u3001\u7c7b\u578b\u3001\u4e3b\u9898\u5df2\u586b\u597d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.planActivityButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u6309\u8ba1\u5212\u767b\u8bb0\u6d3b\u52a8\u2026", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u4fee\u6539\u6bcf\u5e74\u56fa\u5b9a\u6d3b\u52a8\u7684\u6a21\u677f\uff08\u7c7b\u578b\u3001\u9891\u6b21\u3001\u65e5\u671f\u3001\u4e3b\u9898\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.templateButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u6d3b\u52a8\u6a21\u677f\u2026", None))
#if QT_CONFIG(tooltip)
        self.committeeButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u8bbe\u7f6e\u652f\u59d4\u4f1a\u6210\u5458\uff08\u652f\u59d4\u4f1a\u7684\u7b7e\u5230\u8868\u53ea\u5217\u652f\u59d4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.committeeButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u652f\u59d4\u4f1a\u6210\u5458\u2026", None))
        self.planSummary.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.planTab), QCoreApplication.translate("MeetingsScreen", u"\u5e74\u5ea6\u8ba1\u5212", None))
        self.issueButton.setProperty(u"role", QCoreApplication.translate("MeetingsScreen", u"primary", None))
#if QT_CONFIG(tooltip)
        self.issueButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u4e3a\u9009\u4e2d\u7684\u65e0\u6545\u7f3a\u5e2d\u51fa\u5177\u63d0\u9192\u6216\u8b66\u6212\u4e66\uff08\u767b\u8bb0\u5728\u8d26\u672c\u4e2d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.issueButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u51fa\u5177\u901a\u77e5", None))
#if QT_CONFIG(tooltip)
        self.printNoticeButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u6253\u5370\u5df2\u51fa\u5177\u7684\u63d0\u9192\u901a\u77e5\u4e66\u6216\u8b66\u6212\u4e66\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printNoticeButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u6253\u5370\u901a\u77e5\u4e66\u2026", None))
#if QT_CONFIG(tooltip)
        self.summaryButton.setToolTip(QCoreApplication.translate("MeetingsScreen", u"\u6253\u5370\u515a\u5458\u53c2\u52a0\u7ec4\u7ec7\u751f\u6d3b\u60c5\u51b5\u7edf\u8ba1\u8868\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.summaryButton.setText(QCoreApplication.translate("MeetingsScreen", u"\u6253\u5370\u53c2\u52a0\u60c5\u51b5\u7edf\u8ba1\u8868\u2026", None))
        self.followSummary.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.followTab), QCoreApplication.translate("MeetingsScreen", u"\u63d0\u9192\u4e0e\u9884\u8b66", None))
    # retranslateUi

