# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_detail.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_MemberDetail(object):
    def setupUi(self, MemberDetail):
        if not MemberDetail.objectName():
            MemberDetail.setObjectName(u"MemberDetail")
        MemberDetail.resize(820, 600)
        self.dialogLayout = QVBoxLayout(MemberDetail)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setSpacing(6)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(MemberDetail)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleLayout.addItem(self.titleSpacer)

        self.flagsLabel = QLabel(MemberDetail)
        self.flagsLabel.setObjectName(u"flagsLabel")

        self.titleLayout.addWidget(self.flagsLabel)


        self.dialogLayout.addLayout(self.titleLayout)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(24)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.basicBox = QGroupBox(MemberDetail)
        self.basicBox.setObjectName(u"basicBox")
        self.basicGrid = QGridLayout(self.basicBox)
        self.basicGrid.setObjectName(u"basicGrid")
        self.basicGrid.setHorizontalSpacing(10)
        self.basicGrid.setVerticalSpacing(6)
        self.codeCaption = QLabel(self.basicBox)
        self.codeCaption.setObjectName(u"codeCaption")

        self.basicGrid.addWidget(self.codeCaption, 0, 0, 1, 1)

        self.codeValue = QLabel(self.basicBox)
        self.codeValue.setObjectName(u"codeValue")
        self.codeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.codeValue, 0, 1, 1, 1)

        self.genderCaption = QLabel(self.basicBox)
        self.genderCaption.setObjectName(u"genderCaption")

        self.basicGrid.addWidget(self.genderCaption, 1, 0, 1, 1)

        self.genderValue = QLabel(self.basicBox)
        self.genderValue.setObjectName(u"genderValue")
        self.genderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.genderValue, 1, 1, 1, 1)

        self.ethnicityCaption = QLabel(self.basicBox)
        self.ethnicityCaption.setObjectName(u"ethnicityCaption")

        self.basicGrid.addWidget(self.ethnicityCaption, 2, 0, 1, 1)

        self.ethnicityValue = QLabel(self.basicBox)
        self.ethnicityValue.setObjectName(u"ethnicityValue")
        self.ethnicityValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.ethnicityValue, 2, 1, 1, 1)

        self.birth_dateCaption = QLabel(self.basicBox)
        self.birth_dateCaption.setObjectName(u"birth_dateCaption")

        self.basicGrid.addWidget(self.birth_dateCaption, 3, 0, 1, 1)

        self.birth_dateValue = QLabel(self.basicBox)
        self.birth_dateValue.setObjectName(u"birth_dateValue")
        self.birth_dateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.birth_dateValue, 3, 1, 1, 1)

        self.id_cardCaption = QLabel(self.basicBox)
        self.id_cardCaption.setObjectName(u"id_cardCaption")

        self.basicGrid.addWidget(self.id_cardCaption, 4, 0, 1, 1)

        self.id_cardValue = QLabel(self.basicBox)
        self.id_cardValue.setObjectName(u"id_cardValue")
        self.id_cardValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.id_cardValue, 4, 1, 1, 1)

        self.phoneCaption = QLabel(self.basicBox)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.basicGrid.addWidget(self.phoneCaption, 5, 0, 1, 1)

        self.phoneValue = QLabel(self.basicBox)
        self.phoneValue.setObjectName(u"phoneValue")
        self.phoneValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.phoneValue, 5, 1, 1, 1)

        self.educationCaption = QLabel(self.basicBox)
        self.educationCaption.setObjectName(u"educationCaption")

        self.basicGrid.addWidget(self.educationCaption, 6, 0, 1, 1)

        self.educationValue = QLabel(self.basicBox)
        self.educationValue.setObjectName(u"educationValue")
        self.educationValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.basicGrid.addWidget(self.educationValue, 6, 1, 1, 1)

        self.basicGrid.setColumnStretch(1, 1)

        self.columnsLayout.addWidget(self.basicBox)

        self.partyBox = QGroupBox(MemberDetail)
        self.partyBox.setObjectName(u"partyBox")
        self.partyGrid = QGridLayout(self.partyBox)
        self.partyGrid.setObjectName(u"partyGrid")
        self.partyGrid.setHorizontalSpacing(10)
        self.partyGrid.setVerticalSpacing(6)
        self.statusCaption = QLabel(self.partyBox)
        self.statusCaption.setObjectName(u"statusCaption")

        self.partyGrid.addWidget(self.statusCaption, 0, 0, 1, 1)

        self.statusValue = QLabel(self.partyBox)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.statusValue, 0, 1, 1, 1)

        self.groupCaption = QLabel(self.partyBox)
        self.groupCaption.setObjectName(u"groupCaption")

        self.partyGrid.addWidget(self.groupCaption, 1, 0, 1, 1)

        self.groupValue = QLabel(self.partyBox)
        self.groupValue.setObjectName(u"groupValue")
        self.groupValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.groupValue, 1, 1, 1, 1)

        self.joined_dateCaption = QLabel(self.partyBox)
        self.joined_dateCaption.setObjectName(u"joined_dateCaption")

        self.partyGrid.addWidget(self.joined_dateCaption, 2, 0, 1, 1)

        self.joined_dateValue = QLabel(self.partyBox)
        self.joined_dateValue.setObjectName(u"joined_dateValue")
        self.joined_dateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.joined_dateValue, 2, 1, 1, 1)

        self.confirmed_dateCaption = QLabel(self.partyBox)
        self.confirmed_dateCaption.setObjectName(u"confirmed_dateCaption")

        self.partyGrid.addWidget(self.confirmed_dateCaption, 3, 0, 1, 1)

        self.confirmed_dateValue = QLabel(self.partyBox)
        self.confirmed_dateValue.setObjectName(u"confirmed_dateValue")
        self.confirmed_dateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.confirmed_dateValue, 3, 1, 1, 1)

        self.transferred_in_dateCaption = QLabel(self.partyBox)
        self.transferred_in_dateCaption.setObjectName(u"transferred_in_dateCaption")

        self.partyGrid.addWidget(self.transferred_in_dateCaption, 4, 0, 1, 1)

        self.transferred_in_dateValue = QLabel(self.partyBox)
        self.transferred_in_dateValue.setObjectName(u"transferred_in_dateValue")
        self.transferred_in_dateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.transferred_in_dateValue, 4, 1, 1, 1)

        self.flagsCaption = QLabel(self.partyBox)
        self.flagsCaption.setObjectName(u"flagsCaption")

        self.partyGrid.addWidget(self.flagsCaption, 5, 0, 1, 1)

        self.flagsValue = QLabel(self.partyBox)
        self.flagsValue.setObjectName(u"flagsValue")
        self.flagsValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.flagsValue, 5, 1, 1, 1)

        self.noteCaption = QLabel(self.partyBox)
        self.noteCaption.setObjectName(u"noteCaption")

        self.partyGrid.addWidget(self.noteCaption, 6, 0, 1, 1)

        self.noteValue = QLabel(self.partyBox)
        self.noteValue.setObjectName(u"noteValue")
        self.noteValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partyGrid.addWidget(self.noteValue, 6, 1, 1, 1)

        self.partyGrid.setColumnStretch(1, 1)

        self.columnsLayout.addWidget(self.partyBox)


        self.dialogLayout.addLayout(self.columnsLayout)

        self.historyBox = QGroupBox(MemberDetail)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setSpacing(8)
        self.historyLayout.setObjectName(u"historyLayout")
        self.eventsTable = QTableWidget(self.historyBox)
        if (self.eventsTable.columnCount() < 3):
            self.eventsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.eventsTable.setObjectName(u"eventsTable")
        self.eventsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eventsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.eventsTable.setAlternatingRowColors(True)
        self.eventsTable.horizontalHeader().setStretchLastSection(True)
        self.eventsTable.verticalHeader().setVisible(False)

        self.historyLayout.addWidget(self.eventsTable)


        self.dialogLayout.addWidget(self.historyBox)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setSpacing(6)
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.editButton = QPushButton(MemberDetail)
        self.editButton.setObjectName(u"editButton")
        self.editButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.editButton)

        self.eventButton = QPushButton(MemberDetail)
        self.eventButton.setObjectName(u"eventButton")
        self.eventButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.eventButton)

        self.closeButton = QPushButton(MemberDetail)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.eventsTable, self.editButton)
        QWidget.setTabOrder(self.editButton, self.eventButton)
        QWidget.setTabOrder(self.eventButton, self.closeButton)

        self.retranslateUi(MemberDetail)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(MemberDetail)
    # setupUi

    def retranslateUi(self, MemberDetail):
        MemberDetail.setWindowTitle(QCoreApplication.translate("MemberDetail", u"\u515a\u5458\u8be6\u60c5", None))
        self.titleLabel.setText(QCoreApplication.translate("MemberDetail", u"\u515a\u5458", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"title", None))
        self.flagsLabel.setText("")
        self.basicBox.setTitle(QCoreApplication.translate("MemberDetail", u"\u57fa\u672c\u4fe1\u606f", None))
        self.codeCaption.setText(QCoreApplication.translate("MemberDetail", u"\u7f16\u53f7\uff1a", None))
        self.codeCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.codeValue.setText("")
        self.genderCaption.setText(QCoreApplication.translate("MemberDetail", u"\u6027\u522b\uff1a", None))
        self.genderCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.genderValue.setText("")
        self.ethnicityCaption.setText(QCoreApplication.translate("MemberDetail", u"\u6c11\u65cf\uff1a", None))
        self.ethnicityCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.ethnicityValue.setText("")
        self.birth_dateCaption.setText(QCoreApplication.translate("MemberDetail", u"\u51fa\u751f\u65e5\u671f\uff1a", None))
        self.birth_dateCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.birth_dateValue.setText("")
        self.id_cardCaption.setText(QCoreApplication.translate("MemberDetail", u"\u8eab\u4efd\u8bc1\u53f7\uff1a", None))
        self.id_cardCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.id_cardValue.setText("")
        self.phoneCaption.setText(QCoreApplication.translate("MemberDetail", u"\u624b\u673a\u53f7\u7801\uff1a", None))
        self.phoneCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.phoneValue.setText("")
        self.educationCaption.setText(QCoreApplication.translate("MemberDetail", u"\u5b66\u5386\uff1a", None))
        self.educationCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.educationValue.setText("")
        self.partyBox.setTitle(QCoreApplication.translate("MemberDetail", u"\u515a\u5458\u8eab\u4efd", None))
        self.statusCaption.setText(QCoreApplication.translate("MemberDetail", u"\u4eba\u5458\u7c7b\u522b\uff1a", None))
        self.statusCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.statusValue.setText("")
        self.groupCaption.setText(QCoreApplication.translate("MemberDetail", u"\u515a\u5c0f\u7ec4\uff1a", None))
        self.groupCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.groupValue.setText("")
        self.joined_dateCaption.setText(QCoreApplication.translate("MemberDetail", u"\u5165\u515a\u65f6\u95f4\uff1a", None))
        self.joined_dateCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.joined_dateValue.setText("")
        self.confirmed_dateCaption.setText(QCoreApplication.translate("MemberDetail", u"\u8f6c\u6b63\u65f6\u95f4\uff1a", None))
        self.confirmed_dateCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.confirmed_dateValue.setText("")
        self.transferred_in_dateCaption.setText(QCoreApplication.translate("MemberDetail", u"\u8f6c\u5165\u65f6\u95f4\uff1a", None))
        self.transferred_in_dateCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.transferred_in_dateValue.setText("")
        self.flagsCaption.setText(QCoreApplication.translate("MemberDetail", u"\u6807\u8bb0\uff1a", None))
        self.flagsCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.flagsValue.setText("")
        self.noteCaption.setText(QCoreApplication.translate("MemberDetail", u"\u5907\u6ce8\uff1a", None))
        self.noteCaption.setProperty(u"role", QCoreApplication.translate("MemberDetail", u"hint", None))
        self.noteValue.setText("")
        self.historyBox.setTitle(QCoreApplication.translate("MemberDetail", u"\u53d8\u52a8\u8bb0\u5f55", None))
        ___qtablewidgetitem = self.eventsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MemberDetail", u"\u65e5\u671f", None))
        ___qtablewidgetitem1 = self.eventsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MemberDetail", u"\u53d8\u52a8", None))
        ___qtablewidgetitem2 = self.eventsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MemberDetail", u"\u8bf4\u660e", None))
        self.editButton.setText(QCoreApplication.translate("MemberDetail", u"\u7f16\u8f91\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("MemberDetail", u"\u4fee\u6539\u8fd9\u540d\u515a\u5458\u7684\u4fe1\u606f", None))
#endif // QT_CONFIG(tooltip)
        self.eventButton.setText(QCoreApplication.translate("MemberDetail", u"\u767b\u8bb0\u53d8\u52a8\u2026", None))
#if QT_CONFIG(tooltip)
        self.eventButton.setToolTip(QCoreApplication.translate("MemberDetail", u"\u767b\u8bb0\u8f6c\u6b63\u3001\u8f6c\u5165\u3001\u8f6c\u51fa\u3001\u6d41\u52a8\u3001\u514d\u8003\u7b49", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("MemberDetail", u"\u5173\u95ed", None))
    # retranslateUi

