# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_RosterScreen(object):
    def setupUi(self, RosterScreen):
        if not RosterScreen.objectName():
            RosterScreen.setObjectName(u"RosterScreen")
        RosterScreen.resize(1100, 680)
        self.mainLayout = QVBoxLayout(RosterScreen)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.addButton = QPushButton(RosterScreen)
        self.addButton.setObjectName(u"addButton")

        self.actionsLayout.addWidget(self.addButton)

        self.editButton = QPushButton(RosterScreen)
        self.editButton.setObjectName(u"editButton")

        self.actionsLayout.addWidget(self.editButton)

        self.detailButton = QPushButton(RosterScreen)
        self.detailButton.setObjectName(u"detailButton")

        self.actionsLayout.addWidget(self.detailButton)

        self.scoreButton = QPushButton(RosterScreen)
        self.scoreButton.setObjectName(u"scoreButton")

        self.actionsLayout.addWidget(self.scoreButton)

        self.eventButton = QPushButton(RosterScreen)
        self.eventButton.setObjectName(u"eventButton")

        self.actionsLayout.addWidget(self.eventButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.groupsButton = QPushButton(RosterScreen)
        self.groupsButton.setObjectName(u"groupsButton")

        self.actionsLayout.addWidget(self.groupsButton)

        self.importButton = QPushButton(RosterScreen)
        self.importButton.setObjectName(u"importButton")

        self.actionsLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(RosterScreen)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsLayout.addWidget(self.exportButton)

        self.printButton = QPushButton(RosterScreen)
        self.printButton.setObjectName(u"printButton")

        self.actionsLayout.addWidget(self.printButton)


        self.mainLayout.addLayout(self.actionsLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(8)
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(RosterScreen)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(240, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.groupLabel = QLabel(RosterScreen)
        self.groupLabel.setObjectName(u"groupLabel")

        self.filterLayout.addWidget(self.groupLabel)

        self.groupCombo = QComboBox(RosterScreen)
        self.groupCombo.setObjectName(u"groupCombo")
        self.groupCombo.setMinimumSize(QSize(120, 0))

        self.filterLayout.addWidget(self.groupCombo)

        self.statusLabel = QLabel(RosterScreen)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(RosterScreen)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setMinimumSize(QSize(120, 0))

        self.filterLayout.addWidget(self.statusCombo)

        self.flagLabel = QLabel(RosterScreen)
        self.flagLabel.setObjectName(u"flagLabel")

        self.filterLayout.addWidget(self.flagLabel)

        self.flagCombo = QComboBox(RosterScreen)
        self.flagCombo.setObjectName(u"flagCombo")
        self.flagCombo.setMinimumSize(QSize(120, 0))

        self.filterLayout.addWidget(self.flagCombo)

        self.showLeftCheck = QCheckBox(RosterScreen)
        self.showLeftCheck.setObjectName(u"showLeftCheck")

        self.filterLayout.addWidget(self.showLeftCheck)

        self.filterSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.orderLabel = QLabel(RosterScreen)
        self.orderLabel.setObjectName(u"orderLabel")

        self.filterLayout.addWidget(self.orderLabel)

        self.orderCombo = QComboBox(RosterScreen)
        self.orderCombo.addItem("")
        self.orderCombo.addItem("")
        self.orderCombo.setObjectName(u"orderCombo")

        self.filterLayout.addWidget(self.orderCombo)


        self.mainLayout.addLayout(self.filterLayout)

        self.emptyLabel = QLabel(RosterScreen)
        self.emptyLabel.setObjectName(u"emptyLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.emptyLabel.sizePolicy().hasHeightForWidth())
        self.emptyLabel.setSizePolicy(sizePolicy)
        self.emptyLabel.setVisible(False)
        self.emptyLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.emptyLabel)

        self.table = QTableView(RosterScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.countsLabel = QLabel(RosterScreen)
        self.countsLabel.setObjectName(u"countsLabel")

        self.footerLayout.addWidget(self.countsLabel)

        self.footerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.shownLabel = QLabel(RosterScreen)
        self.shownLabel.setObjectName(u"shownLabel")

        self.footerLayout.addWidget(self.shownLabel)


        self.mainLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.groupLabel.setBuddy(self.groupCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.flagLabel.setBuddy(self.flagCombo)
        self.orderLabel.setBuddy(self.orderCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.flagCombo)
        QWidget.setTabOrder(self.flagCombo, self.showLeftCheck)
        QWidget.setTabOrder(self.showLeftCheck, self.orderCombo)
        QWidget.setTabOrder(self.orderCombo, self.table)
        QWidget.setTabOrder(self.table, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.detailButton)
        QWidget.setTabOrder(self.detailButton, self.eventButton)
        QWidget.setTabOrder(self.eventButton, self.groupsButton)
        QWidget.setTabOrder(self.groupsButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.printButton)

        self.retranslateUi(RosterScreen)

        QMetaObject.connectSlotsByName(RosterScreen)
    # setupUi

    def retranslateUi(self, RosterScreen):
        RosterScreen.setWindowTitle(QCoreApplication.translate("RosterScreen", u"\u515a\u5458\u540d\u518c", None))
        self.addButton.setProperty(u"role", QCoreApplication.translate("RosterScreen", u"primary", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u6dfb\u52a0\u4e00\u540d\u515a\u5458\uff08Ctrl+N \u6216 Insert \u952e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("RosterScreen", u"\u6dfb\u52a0\u515a\u5458", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u4fee\u6539\u9009\u4e2d\u515a\u5458\u7684\u4fe1\u606f\uff08\u56de\u8f66\u6216\u53cc\u51fb\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("RosterScreen", u"\u7f16\u8f91", None))
#if QT_CONFIG(tooltip)
        self.detailButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u67e5\u770b\u9009\u4e2d\u515a\u5458\u7684\u8be6\u7ec6\u4fe1\u606f\u548c\u53d8\u52a8\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.detailButton.setText(QCoreApplication.translate("RosterScreen", u"\u515a\u5458\u8be6\u60c5", None))
#if QT_CONFIG(tooltip)
        self.scoreButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u67e5\u770b\u9009\u4e2d\u515a\u5458\u672c\u5e74\u5ea6\u7684\u79ef\u5206\u660e\u7ec6\uff1a\u6bcf\u4e00\u5206\u4ece\u54ea\u91cc\u6765", None))
#endif // QT_CONFIG(tooltip)
        self.scoreButton.setText(QCoreApplication.translate("RosterScreen", u"\u79ef\u5206\u660e\u7ec6", None))
#if QT_CONFIG(tooltip)
        self.eventButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u4e3a\u9009\u4e2d\u515a\u5458\u767b\u8bb0\u8f6c\u6b63\u3001\u8f6c\u5165\u3001\u8f6c\u51fa\u3001\u6d41\u52a8\u7b49\u53d8\u52a8", None))
#endif // QT_CONFIG(tooltip)
        self.eventButton.setText(QCoreApplication.translate("RosterScreen", u"\u767b\u8bb0\u53d8\u52a8", None))
#if QT_CONFIG(tooltip)
        self.groupsButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u65b0\u5efa\u3001\u6539\u540d\u3001\u8bbe\u7f6e\u7ec4\u957f\u6216\u5220\u9664\u515a\u5c0f\u7ec4", None))
#endif // QT_CONFIG(tooltip)
        self.groupsButton.setText(QCoreApplication.translate("RosterScreen", u"\u7ba1\u7406\u515a\u5c0f\u7ec4\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u4ece Excel \u5de5\u4f5c\u7c3f\u5bfc\u5165\u515a\u5458\u540d\u518c", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("RosterScreen", u"\u5bfc\u5165\u540d\u518c\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u628a\u540d\u518c\u4fdd\u5b58\u4e3a Excel \u5de5\u4f5c\u7c3f", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("RosterScreen", u"\u5bfc\u51fa\u540d\u518c\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("RosterScreen", u"\u751f\u6210\u53ef\u6253\u5370\u7684 A4 \u82b1\u540d\u518c\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("RosterScreen", u"\u6253\u5370\u82b1\u540d\u518c\u2026", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("RosterScreen", u"\u8f93\u5165\u59d3\u540d\u3001\u59d3\u540d\u7684\u4e00\u90e8\u5206\u6216\u62fc\u97f3\u9996\u5b57\u6bcd\uff08\u5982 zhw\uff09\uff0c\u7acb\u5373\u7b5b\u9009\u3002\u5feb\u6377\u952e Ctrl+F", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RosterScreen", u"\u641c\u7d22\u59d3\u540d\u6216\u62fc\u97f3\u9996\u5b57\u6bcd", None))
        self.groupLabel.setText(QCoreApplication.translate("RosterScreen", u"\u515a\u5c0f\u7ec4", None))
        self.statusLabel.setText(QCoreApplication.translate("RosterScreen", u"\u4eba\u5458\u7c7b\u522b", None))
        self.flagLabel.setText(QCoreApplication.translate("RosterScreen", u"\u6807\u8bb0", None))
        self.showLeftCheck.setText(QCoreApplication.translate("RosterScreen", u"\u663e\u793a\u5df2\u79bb\u5f00\u7684\u515a\u5458", None))
        self.orderLabel.setText(QCoreApplication.translate("RosterScreen", u"\u6392\u5e8f", None))
        self.orderCombo.setItemText(0, QCoreApplication.translate("RosterScreen", u"\u6309\u59d3\u6c0f\u7b14\u753b", None))
        self.orderCombo.setItemText(1, QCoreApplication.translate("RosterScreen", u"\u6309\u62fc\u97f3", None))

        self.emptyLabel.setProperty(u"role", QCoreApplication.translate("RosterScreen", u"notice", None))
        self.emptyLabel.setText(QCoreApplication.translate("RosterScreen", u"\u540d\u518c\u8fd8\u662f\u7a7a\u7684\u3002\u70b9\u201c\u6dfb\u52a0\u515a\u5458\u201d\u9010\u4e2a\u5f55\u5165\uff0c\u6216\u70b9\u201c\u5bfc\u5165\u540d\u518c\u2026\u201d\u4ece Excel \u5de5\u4f5c\u7c3f\u5bfc\u5165\u3002", None))
        self.countsLabel.setProperty(u"role", QCoreApplication.translate("RosterScreen", u"section", None))
        self.countsLabel.setText(QCoreApplication.translate("RosterScreen", u"\u5728\u518c 0 \u4eba", None))
        self.shownLabel.setProperty(u"role", QCoreApplication.translate("RosterScreen", u"hint", None))
        self.shownLabel.setText("")
    # retranslateUi

