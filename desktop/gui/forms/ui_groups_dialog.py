# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'groups_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_GroupsDialog(object):
    def setupUi(self, GroupsDialog):
        if not GroupsDialog.objectName():
            GroupsDialog.setObjectName(u"GroupsDialog")
        GroupsDialog.resize(640, 360)
        self.dialogLayout = QHBoxLayout(GroupsDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.groupsTable = QTableWidget(GroupsDialog)
        if (self.groupsTable.columnCount() < 4):
            self.groupsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.groupsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.groupsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.groupsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.groupsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.groupsTable.setObjectName(u"groupsTable")
        self.groupsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groupsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groupsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groupsTable.setAlternatingRowColors(True)
        self.groupsTable.horizontalHeader().setStretchLastSection(True)
        self.groupsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.groupsTable)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setSpacing(8)
        self.sideLayout.setObjectName(u"sideLayout")
        self.addButton = QPushButton(GroupsDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.sideLayout.addWidget(self.addButton)

        self.editButton = QPushButton(GroupsDialog)
        self.editButton.setObjectName(u"editButton")
        self.editButton.setAutoDefault(False)

        self.sideLayout.addWidget(self.editButton)

        self.deleteButton = QPushButton(GroupsDialog)
        self.deleteButton.setObjectName(u"deleteButton")
        self.deleteButton.setAutoDefault(False)

        self.sideLayout.addWidget(self.deleteButton)

        self.sideSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)

        self.closeButton = QPushButton(GroupsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.sideLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.sideLayout)

        QWidget.setTabOrder(self.groupsTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.closeButton)

        self.retranslateUi(GroupsDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(GroupsDialog)
    # setupUi

    def retranslateUi(self, GroupsDialog):
        GroupsDialog.setWindowTitle(QCoreApplication.translate("GroupsDialog", u"\u7ba1\u7406\u515a\u5c0f\u7ec4", None))
        ___qtablewidgetitem = self.groupsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("GroupsDialog", u"\u515a\u5c0f\u7ec4", None))
        ___qtablewidgetitem1 = self.groupsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("GroupsDialog", u"\u7ec4\u957f", None))
        ___qtablewidgetitem2 = self.groupsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("GroupsDialog", u"\u5728\u518c\u4eba\u6570", None))
        ___qtablewidgetitem3 = self.groupsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("GroupsDialog", u"\u5907\u6ce8", None))
        self.addButton.setText(QCoreApplication.translate("GroupsDialog", u"\u65b0\u5efa\u515a\u5c0f\u7ec4\u2026", None))
        self.editButton.setText(QCoreApplication.translate("GroupsDialog", u"\u4fee\u6539\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("GroupsDialog", u"\u6539\u540d\u3001\u8bbe\u7f6e\u7ec4\u957f", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("GroupsDialog", u"\u5220\u9664", None))
        self.closeButton.setText(QCoreApplication.translate("GroupsDialog", u"\u5173\u95ed", None))
    # retranslateUi

