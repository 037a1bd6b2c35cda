# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dues_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QTableWidget, QVBoxLayout, QWidget)

from desktop.gui.member_picker import MemberSearch

class Ui_DuesScreen(object):
    def setupUi(self, DuesScreen):
        if not DuesScreen.objectName():
            DuesScreen.setObjectName(u"DuesScreen")
        DuesScreen.resize(1100, 700)
        self.mainLayout = QVBoxLayout(DuesScreen)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(8)
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(DuesScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.monthLabel = QLabel(DuesScreen)
        self.monthLabel.setObjectName(u"monthLabel")

        self.headerLayout.addWidget(self.monthLabel)

        self.monthCombo = QComboBox(DuesScreen)
        self.monthCombo.setObjectName(u"monthCombo")
        self.monthCombo.setMinimumSize(QSize(140, 0))

        self.headerLayout.addWidget(self.monthCombo)


        self.mainLayout.addLayout(self.headerLayout)

        self.summaryLabel = QLabel(DuesScreen)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(DuesScreen)
        self.tabs.setObjectName(u"tabs")
        self.collectionTab = QWidget()
        self.collectionTab.setObjectName(u"collectionTab")
        self.collectionLayout = QVBoxLayout(self.collectionTab)
        self.collectionLayout.setSpacing(8)
        self.collectionLayout.setObjectName(u"collectionLayout")
        self.collectionLayout.setContentsMargins(12, 12, 12, 12)
        self.collectionHint = QLabel(self.collectionTab)
        self.collectionHint.setObjectName(u"collectionHint")
        self.collectionHint.setWordWrap(True)

        self.collectionLayout.addWidget(self.collectionHint)

        self.collectionActions = QHBoxLayout()
        self.collectionActions.setSpacing(8)
        self.collectionActions.setObjectName(u"collectionActions")
        self.allPaidButton = QPushButton(self.collectionTab)
        self.allPaidButton.setObjectName(u"allPaidButton")

        self.collectionActions.addWidget(self.allPaidButton)

        self.clearButton = QPushButton(self.collectionTab)
        self.clearButton.setObjectName(u"clearButton")

        self.collectionActions.addWidget(self.clearButton)

        self.collectionSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.collectionActions.addItem(self.collectionSpacer)

        self.payDateLabel = QLabel(self.collectionTab)
        self.payDateLabel.setObjectName(u"payDateLabel")

        self.collectionActions.addWidget(self.payDateLabel)

        self.payDateEdit = QDateEdit(self.collectionTab)
        self.payDateEdit.setObjectName(u"payDateEdit")
        self.payDateEdit.setCalendarPopup(True)

        self.collectionActions.addWidget(self.payDateEdit)

        self.receiverLabel = QLabel(self.collectionTab)
        self.receiverLabel.setObjectName(u"receiverLabel")

        self.collectionActions.addWidget(self.receiverLabel)

        self.receiverEdit = QLineEdit(self.collectionTab)
        self.receiverEdit.setObjectName(u"receiverEdit")
        self.receiverEdit.setMaximumSize(QSize(160, 16777215))

        self.collectionActions.addWidget(self.receiverEdit)

        self.saveCollectionButton = QPushButton(self.collectionTab)
        self.saveCollectionButton.setObjectName(u"saveCollectionButton")

        self.collectionActions.addWidget(self.saveCollectionButton)


        self.collectionLayout.addLayout(self.collectionActions)

        self.collectionView = QTableView(self.collectionTab)
        self.collectionView.setObjectName(u"collectionView")
        self.collectionView.setAlternatingRowColors(True)
        self.collectionView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.collectionView.setWordWrap(False)
        self.collectionView.verticalHeader().setVisible(False)

        self.collectionLayout.addWidget(self.collectionView)

        self.collectionFooter = QHBoxLayout()
        self.collectionFooter.setObjectName(u"collectionFooter")
        self.collectionTotals = QLabel(self.collectionTab)
        self.collectionTotals.setObjectName(u"collectionTotals")
        self.collectionTotals.setWordWrap(True)

        self.collectionFooter.addWidget(self.collectionTotals)

        self.collectionFooterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.collectionFooter.addItem(self.collectionFooterSpacer)

        self.reverseMonthButton = QPushButton(self.collectionTab)
        self.reverseMonthButton.setObjectName(u"reverseMonthButton")

        self.collectionFooter.addWidget(self.reverseMonthButton)

        self.printMonthReceiptsButton = QPushButton(self.collectionTab)
        self.printMonthReceiptsButton.setObjectName(u"printMonthReceiptsButton")

        self.collectionFooter.addWidget(self.printMonthReceiptsButton)


        self.collectionLayout.addLayout(self.collectionFooter)

        self.tabs.addTab(self.collectionTab, "")
        self.memberTab = QWidget()
        self.memberTab.setObjectName(u"memberTab")
        self.memberLayout = QHBoxLayout(self.memberTab)
        self.memberLayout.setSpacing(12)
        self.memberLayout.setObjectName(u"memberLayout")
        self.memberLayout.setContentsMargins(12, 12, 12, 12)
        self.memberListLayout = QVBoxLayout()
        self.memberListLayout.setObjectName(u"memberListLayout")
        self.memberSearch = MemberSearch(self.memberTab)
        self.memberSearch.setObjectName(u"memberSearch")
        self.memberSearch.setMaximumSize(QSize(230, 16777215))

        self.memberListLayout.addWidget(self.memberSearch)

        self.memberList = QListWidget(self.memberTab)
        self.memberList.setObjectName(u"memberList")
        self.memberList.setMaximumSize(QSize(230, 16777215))

        self.memberListLayout.addWidget(self.memberList)

        self.bulkRateButton = QPushButton(self.memberTab)
        self.bulkRateButton.setObjectName(u"bulkRateButton")

        self.memberListLayout.addWidget(self.bulkRateButton)


        self.memberLayout.addLayout(self.memberListLayout)

        self.memberScroll = QScrollArea(self.memberTab)
        self.memberScroll.setObjectName(u"memberScroll")
        self.memberScroll.setWidgetResizable(True)
        self.memberScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.memberPane = QWidget()
        self.memberPane.setObjectName(u"memberPane")
        self.memberRight = QVBoxLayout(self.memberPane)
        self.memberRight.setSpacing(8)
        self.memberRight.setObjectName(u"memberRight")
        self.memberRight.setContentsMargins(0, 0, 0, 0)
        self.memberHead = QHBoxLayout()
        self.memberHead.setSpacing(16)
        self.memberHead.setObjectName(u"memberHead")
        self.memberTitle = QLabel(self.memberPane)
        self.memberTitle.setObjectName(u"memberTitle")

        self.memberHead.addWidget(self.memberTitle)

        self.memberInfo = QLabel(self.memberPane)
        self.memberInfo.setObjectName(u"memberInfo")
        self.memberInfo.setWordWrap(True)

        self.memberHead.addWidget(self.memberInfo)


        self.memberRight.addLayout(self.memberHead)

        self.calcBox = QGroupBox(self.memberPane)
        self.calcBox.setObjectName(u"calcBox")
        self.calcGrid = QGridLayout(self.calcBox)
        self.calcGrid.setObjectName(u"calcGrid")
        self.calcGrid.setHorizontalSpacing(8)
        self.calcGrid.setVerticalSpacing(6)
        self.categoryLabel = QLabel(self.calcBox)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.calcGrid.addWidget(self.categoryLabel, 0, 0, 1, 1)

        self.categoryCombo = QComboBox(self.calcBox)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.calcGrid.addWidget(self.categoryCombo, 0, 1, 1, 1)

        self.incomeLabel = QLabel(self.calcBox)
        self.incomeLabel.setObjectName(u"incomeLabel")

        self.calcGrid.addWidget(self.incomeLabel, 0, 2, 1, 1)

        self.incomeEdit = QLineEdit(self.calcBox)
        self.incomeEdit.setObjectName(u"incomeEdit")

        self.calcGrid.addWidget(self.incomeEdit, 0, 3, 1, 1)

        self.fromMonthLabel = QLabel(self.calcBox)
        self.fromMonthLabel.setObjectName(u"fromMonthLabel")

        self.calcGrid.addWidget(self.fromMonthLabel, 0, 4, 1, 1)

        self.fromMonthCombo = QComboBox(self.calcBox)
        self.fromMonthCombo.setObjectName(u"fromMonthCombo")

        self.calcGrid.addWidget(self.fromMonthCombo, 0, 5, 1, 1)

        self.resultLabel = QLabel(self.calcBox)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.calcGrid.addWidget(self.resultLabel, 1, 0, 1, 5)

        self.saveRateButton = QPushButton(self.calcBox)
        self.saveRateButton.setObjectName(u"saveRateButton")

        self.calcGrid.addWidget(self.saveRateButton, 1, 5, 1, 1)

        self.overrideCheck = QCheckBox(self.calcBox)
        self.overrideCheck.setObjectName(u"overrideCheck")

        self.calcGrid.addWidget(self.overrideCheck, 2, 0, 1, 2)

        self.monthlyLabel = QLabel(self.calcBox)
        self.monthlyLabel.setObjectName(u"monthlyLabel")

        self.calcGrid.addWidget(self.monthlyLabel, 2, 2, 1, 1)

        self.monthlyEdit = QLineEdit(self.calcBox)
        self.monthlyEdit.setObjectName(u"monthlyEdit")

        self.calcGrid.addWidget(self.monthlyEdit, 2, 3, 1, 1)

        self.reasonLabel = QLabel(self.calcBox)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.calcGrid.addWidget(self.reasonLabel, 2, 4, 1, 1)

        self.reasonEdit = QLineEdit(self.calcBox)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.calcGrid.addWidget(self.reasonEdit, 2, 5, 1, 1)

        self.approvedLabel = QLabel(self.calcBox)
        self.approvedLabel.setObjectName(u"approvedLabel")

        self.calcGrid.addWidget(self.approvedLabel, 3, 0, 1, 1)

        self.approvedEdit = QLineEdit(self.calcBox)
        self.approvedEdit.setObjectName(u"approvedEdit")

        self.calcGrid.addWidget(self.approvedEdit, 3, 1, 1, 3)

        self.rateError = QLabel(self.calcBox)
        self.rateError.setObjectName(u"rateError")
        self.rateError.setWordWrap(True)

        self.calcGrid.addWidget(self.rateError, 3, 4, 1, 2)

        self.calcGrid.setColumnStretch(1, 1)
        self.calcGrid.setColumnStretch(3, 1)
        self.calcGrid.setColumnStretch(5, 1)

        self.memberRight.addWidget(self.calcBox)

        self.payBox = QGroupBox(self.memberPane)
        self.payBox.setObjectName(u"payBox")
        self.payGrid = QGridLayout(self.payBox)
        self.payGrid.setObjectName(u"payGrid")
        self.payGrid.setHorizontalSpacing(10)
        self.payGrid.setVerticalSpacing(8)
        self.payFromLabel = QLabel(self.payBox)
        self.payFromLabel.setObjectName(u"payFromLabel")

        self.payGrid.addWidget(self.payFromLabel, 0, 0, 1, 1)

        self.payFromCombo = QComboBox(self.payBox)
        self.payFromCombo.setObjectName(u"payFromCombo")

        self.payGrid.addWidget(self.payFromCombo, 0, 1, 1, 1)

        self.payToLabel = QLabel(self.payBox)
        self.payToLabel.setObjectName(u"payToLabel")

        self.payGrid.addWidget(self.payToLabel, 0, 2, 1, 1)

        self.payToCombo = QComboBox(self.payBox)
        self.payToCombo.setObjectName(u"payToCombo")

        self.payGrid.addWidget(self.payToCombo, 0, 3, 1, 1)

        self.payAmountLabel = QLabel(self.payBox)
        self.payAmountLabel.setObjectName(u"payAmountLabel")

        self.payGrid.addWidget(self.payAmountLabel, 0, 4, 1, 1)

        self.payAmountEdit = QLineEdit(self.payBox)
        self.payAmountEdit.setObjectName(u"payAmountEdit")
        self.payAmountEdit.setMaximumSize(QSize(90, 16777215))

        self.payGrid.addWidget(self.payAmountEdit, 0, 5, 1, 1)

        self.receiptLabel = QLabel(self.payBox)
        self.receiptLabel.setObjectName(u"receiptLabel")

        self.payGrid.addWidget(self.receiptLabel, 1, 0, 1, 1)

        self.receiptEdit = QLineEdit(self.payBox)
        self.receiptEdit.setObjectName(u"receiptEdit")

        self.payGrid.addWidget(self.receiptEdit, 1, 1, 1, 1)

        self.payError = QLabel(self.payBox)
        self.payError.setObjectName(u"payError")
        self.payError.setWordWrap(True)

        self.payGrid.addWidget(self.payError, 1, 2, 1, 2)

        self.printMemberReceiptsButton = QPushButton(self.payBox)
        self.printMemberReceiptsButton.setObjectName(u"printMemberReceiptsButton")

        self.payGrid.addWidget(self.printMemberReceiptsButton, 1, 4, 1, 1)

        self.reverseButton = QPushButton(self.payBox)
        self.reverseButton.setObjectName(u"reverseButton")

        self.payGrid.addWidget(self.reverseButton, 2, 4, 1, 2)

        self.payButton = QPushButton(self.payBox)
        self.payButton.setObjectName(u"payButton")

        self.payGrid.addWidget(self.payButton, 1, 5, 1, 1)

        self.payGrid.setColumnStretch(1, 1)
        self.payGrid.setColumnStretch(3, 1)

        self.memberRight.addWidget(self.payBox)

        self.memberMonthsView = QTableWidget(self.memberPane)
        self.memberMonthsView.setObjectName(u"memberMonthsView")
        self.memberMonthsView.setAlternatingRowColors(True)
        self.memberMonthsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.memberMonthsView.setWordWrap(False)
        self.memberMonthsView.verticalHeader().setVisible(False)

        self.memberRight.addWidget(self.memberMonthsView)

        self.memberScroll.setWidget(self.memberPane)

        self.memberLayout.addWidget(self.memberScroll)

        self.tabs.addTab(self.memberTab, "")
        self.arrearsTab = QWidget()
        self.arrearsTab.setObjectName(u"arrearsTab")
        self.arrearsLayout = QVBoxLayout(self.arrearsTab)
        self.arrearsLayout.setSpacing(8)
        self.arrearsLayout.setObjectName(u"arrearsLayout")
        self.arrearsLayout.setContentsMargins(12, 12, 12, 12)
        self.ladderLabel = QLabel(self.arrearsTab)
        self.ladderLabel.setObjectName(u"ladderLabel")
        self.ladderLabel.setWordWrap(True)

        self.arrearsLayout.addWidget(self.ladderLabel)

        self.arrearsActions = QHBoxLayout()
        self.arrearsActions.setObjectName(u"arrearsActions")
        self.remindButton = QPushButton(self.arrearsTab)
        self.remindButton.setObjectName(u"remindButton")

        self.arrearsActions.addWidget(self.remindButton)

        self.printRemindersButton = QPushButton(self.arrearsTab)
        self.printRemindersButton.setObjectName(u"printRemindersButton")

        self.arrearsActions.addWidget(self.printRemindersButton)

        self.arrearsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.arrearsActions.addItem(self.arrearsSpacer)

        self.arrearsCount = QLabel(self.arrearsTab)
        self.arrearsCount.setObjectName(u"arrearsCount")

        self.arrearsActions.addWidget(self.arrearsCount)


        self.arrearsLayout.addLayout(self.arrearsActions)

        self.arrearsView = QTableWidget(self.arrearsTab)
        self.arrearsView.setObjectName(u"arrearsView")
        self.arrearsView.setAlternatingRowColors(True)
        self.arrearsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.arrearsView.setWordWrap(False)
        self.arrearsView.verticalHeader().setVisible(False)

        self.arrearsLayout.addWidget(self.arrearsView)

        self.tabs.addTab(self.arrearsTab, "")
        self.registerTab = QWidget()
        self.registerTab.setObjectName(u"registerTab")
        self.registerLayout = QVBoxLayout(self.registerTab)
        self.registerLayout.setSpacing(8)
        self.registerLayout.setObjectName(u"registerLayout")
        self.registerLayout.setContentsMargins(12, 12, 12, 12)
        self.registerActions = QHBoxLayout()
        self.registerActions.setObjectName(u"registerActions")
        self.printRegisterButton = QPushButton(self.registerTab)
        self.printRegisterButton.setObjectName(u"printRegisterButton")

        self.registerActions.addWidget(self.printRegisterButton)

        self.exportRegisterButton = QPushButton(self.registerTab)
        self.exportRegisterButton.setObjectName(u"exportRegisterButton")

        self.registerActions.addWidget(self.exportRegisterButton)

        self.printPublicityButton = QPushButton(self.registerTab)
        self.printPublicityButton.setObjectName(u"printPublicityButton")

        self.registerActions.addWidget(self.printPublicityButton)

        self.printReceiptsButton = QPushButton(self.registerTab)
        self.printReceiptsButton.setObjectName(u"printReceiptsButton")

        self.registerActions.addWidget(self.printReceiptsButton)

        self.registerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.registerActions.addItem(self.registerSpacer)


        self.registerLayout.addLayout(self.registerActions)

        self.registerView = QTableWidget(self.registerTab)
        self.registerView.setObjectName(u"registerView")
        self.registerView.setAlternatingRowColors(True)
        self.registerView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.registerView.setWordWrap(False)
        self.registerView.verticalHeader().setVisible(False)

        self.registerLayout.addWidget(self.registerView)

        self.registerTotals = QLabel(self.registerTab)
        self.registerTotals.setObjectName(u"registerTotals")
        self.registerTotals.setWordWrap(True)

        self.registerLayout.addWidget(self.registerTotals)

        self.tabs.addTab(self.registerTab, "")

        self.mainLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.monthLabel.setBuddy(self.monthCombo)
        self.payDateLabel.setBuddy(self.payDateEdit)
        self.receiverLabel.setBuddy(self.receiverEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.incomeLabel.setBuddy(self.incomeEdit)
        self.fromMonthLabel.setBuddy(self.fromMonthCombo)
        self.monthlyLabel.setBuddy(self.monthlyEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.approvedLabel.setBuddy(self.approvedEdit)
        self.payFromLabel.setBuddy(self.payFromCombo)
        self.payToLabel.setBuddy(self.payToCombo)
        self.payAmountLabel.setBuddy(self.payAmountEdit)
        self.receiptLabel.setBuddy(self.receiptEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DuesScreen)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DuesScreen)
    # setupUi

    def retranslateUi(self, DuesScreen):
        DuesScreen.setWindowTitle(QCoreApplication.translate("DuesScreen", u"\u515a\u8d39", None))
        self.titleLabel.setText(QCoreApplication.translate("DuesScreen", u"\u515a\u8d39", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"title", None))
        self.monthLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6708\u4efd", None))
#if QT_CONFIG(tooltip)
        self.monthCombo.setToolTip(QCoreApplication.translate("DuesScreen", u"\u9009\u62e9\u8981\u6536\u7f34\u6216\u67e5\u770b\u7684\u6708\u4efd\uff1b\u5e74\u5ea6\u968f\u4e4b\u6539\u53d8", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText("")
        self.summaryLabel.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"hint", None))
        self.collectionHint.setText(QCoreApplication.translate("DuesScreen", u"\u5148\u70b9\u201c\u5168\u90e8\u5df2\u7f34\u201d\uff0c\u518d\u6539\u4f8b\u5916\uff1a\u2191\u2193 \u9009\u4eba\uff0c\u7a7a\u683c\u952e \u5207\u6362\u5df2\u7f34/\u672a\u7f34\uff0c\u76f4\u63a5\u8f93\u5165\u6570\u5b57 \u6539\u672c\u6b21\u5b9e\u6536\u91d1\u989d\uff08\u90e8\u5206\u4ea4\u7eb3\uff09\uff0c\u56de\u8f66\u786e\u8ba4\uff1b\u6700\u540e\u70b9\u201c\u4fdd\u5b58\u672c\u6708\u6536\u7f34\u201d\uff08Ctrl+S\uff09\u3002\u6bcf\u4eba\u4e00\u5f20\u6536\u636e\uff0c\u6536\u636e\u53f7\u81ea\u52a8\u7f16\u53f7\u3002", None))
        self.collectionHint.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"hint", None))
        self.allPaidButton.setText(QCoreApplication.translate("DuesScreen", u"\u5168\u90e8\u5df2\u7f34(&A)", None))
#if QT_CONFIG(tooltip)
        self.allPaidButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u628a\u6bcf\u4e2a\u4eba\u672c\u6708\u8fd8\u5e94\u7f34\u7684\u91d1\u989d\u90fd\u586b\u4e3a\u672c\u6b21\u5b9e\u6536\uff08Alt+A\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.clearButton.setText(QCoreApplication.translate("DuesScreen", u"\u5168\u90e8\u6e05\u7a7a", None))
#if QT_CONFIG(tooltip)
        self.clearButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u672c\u6b21\u5b9e\u6536\u5168\u90e8\u6539\u4e3a 0", None))
#endif // QT_CONFIG(tooltip)
        self.payDateLabel.setText(QCoreApplication.translate("DuesScreen", u"\u7f34\u7eb3\u65e5\u671f", None))
        self.payDateEdit.setDisplayFormat(QCoreApplication.translate("DuesScreen", u"yyyy-MM-dd", None))
        self.receiverLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6536\u6b3e\u4eba", None))
        self.receiverEdit.setPlaceholderText(QCoreApplication.translate("DuesScreen", u"\u6536\u6b3e\u4eba\u59d3\u540d", None))
        self.saveCollectionButton.setText(QCoreApplication.translate("DuesScreen", u"\u4fdd\u5b58\u672c\u6708\u6536\u7f34", None))
#if QT_CONFIG(tooltip)
        self.saveCollectionButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u767b\u8bb0\u672c\u6b21\u5b9e\u6536\u4e0d\u4e3a 0 \u7684\u6bcf\u4e2a\u4eba\uff0c\u5f00\u5177\u6536\u636e\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveCollectionButton.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"primary", None))
        self.collectionTotals.setText("")
        self.collectionTotals.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"hint", None))
        self.reverseMonthButton.setText(QCoreApplication.translate("DuesScreen", u"\u51b2\u9500\u6536\u636e\u2026", None))
#if QT_CONFIG(tooltip)
        self.reverseMonthButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u9009\u4e2d\u7684\u515a\u5458\u672c\u6708\u7684\u6536\u636e\u767b\u8bb0\u9519\u4e86\uff08\u91d1\u989d\u3001\u6708\u4efd\u6216\u515a\u5458\u9519\u4e86\uff09\uff1a\u5199\u660e\u539f\u56e0\uff0c\u5f00\u7ea2\u5b57\u6536\u636e\u51b2\u9500\uff1b\u7136\u540e\u5728\u672c\u8868\u91cd\u65b0\u767b\u8bb0\u6b63\u786e\u7684", None))
#endif // QT_CONFIG(tooltip)
        self.printMonthReceiptsButton.setText(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u672c\u6708\u6536\u636e\u2026", None))
#if QT_CONFIG(tooltip)
        self.printMonthReceiptsButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u628a\u672c\u6708\u5f00\u5177\u7684\u6536\u636e\u6253\u5370\u51fa\u6765\uff08PDF\uff0c\u4e00\u9875\u56db\u5f20\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.collectionTab), QCoreApplication.translate("DuesScreen", u"\u672c\u6708\u6536\u7f34", None))
        self.bulkRateButton.setText(QCoreApplication.translate("DuesScreen", u"\u7edf\u4e00\u8bbe\u5b9a\u6807\u51c6\u2026", None))
#if QT_CONFIG(tooltip)
        self.bulkRateButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u7ed9\u8fd8\u6ca1\u6709\u8bbe\u5b9a\u515a\u8d39\u6807\u51c6\u7684\u515a\u5458\u7edf\u4e00\u8bbe\u5b9a\u4e00\u4e2a\u56fa\u5b9a\u91d1\u989d\uff08\u5982\u519c\u6c11\u515a\u5458\u6bcf\u6708 1 \u5143\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.memberTitle.setText("")
        self.memberTitle.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"title", None))
        self.memberInfo.setText("")
        self.memberInfo.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"hint", None))
        self.calcBox.setTitle(QCoreApplication.translate("DuesScreen", u"\u515a\u8d39\u8ba1\u7b97\u5668\uff08\u63092008\u5e74\u300a\u5173\u4e8e\u4e2d\u56fd\u5171\u4ea7\u515a\u515a\u8d39\u6536\u7f34\u3001\u4f7f\u7528\u548c\u7ba1\u7406\u7684\u89c4\u5b9a\u300b\uff09", None))
        self.categoryLabel.setText(QCoreApplication.translate("DuesScreen", u"\u515a\u8d39\u7c7b\u522b", None))
        self.incomeLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6bcf\u6708\u7a0e\u540e\u5de5\u8d44\u6536\u5165\uff08\u5143\uff09", None))
        self.incomeEdit.setPlaceholderText(QCoreApplication.translate("DuesScreen", u"\u5982 4500.00", None))
        self.fromMonthLabel.setText(QCoreApplication.translate("DuesScreen", u"\u8d77\u59cb\u6708\u4efd", None))
        self.resultLabel.setText("")
        self.resultLabel.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"section", None))
        self.saveRateButton.setText(QCoreApplication.translate("DuesScreen", u"\u4fdd\u5b58\u515a\u8d39\u6807\u51c6", None))
#if QT_CONFIG(tooltip)
        self.saveRateButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u6309\u4e0a\u9762\u7684\u7c7b\u522b\u548c\u6536\u5165\uff08\u6216\u624b\u52a8\u91d1\u989d\uff09\u8bbe\u5b9a\u8fd9\u540d\u515a\u5458\u6bcf\u6708\u7684\u515a\u8d39", None))
#endif // QT_CONFIG(tooltip)
        self.saveRateButton.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"primary", None))
        self.overrideCheck.setText(QCoreApplication.translate("DuesScreen", u"\u624b\u52a8\u8c03\u6574\u91d1\u989d", None))
        self.monthlyLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6bcf\u6708\u91d1\u989d\uff08\u5143\uff09", None))
        self.reasonLabel.setText(QCoreApplication.translate("DuesScreen", u"\u8c03\u6574\u539f\u56e0", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("DuesScreen", u"\u5982\uff1a\u5bb6\u5ead\u56f0\u96be\uff0c\u672c\u4eba\u7533\u8bf7", None))
        self.approvedLabel.setText(QCoreApplication.translate("DuesScreen", u"\u51cf\u514d\u6279\u51c6", None))
        self.approvedEdit.setPlaceholderText(QCoreApplication.translate("DuesScreen", u"\u5c11\u4ea4\u6216\u514d\u4ea4\u987b\u586b\uff1a\u6279\u51c6\u7684\u515a\u7ec4\u7ec7\u548c\u65e5\u671f\uff0c\u5982 \u57ce\u5173\u9547\u515a\u59d4 2026-03-01", None))
        self.rateError.setText("")
        self.rateError.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"error", None))
        self.payBox.setTitle(QCoreApplication.translate("DuesScreen", u"\u767b\u8bb0\u7f34\u8d39\uff1a\u9884\u4ea4\u51e0\u4e2a\u6708\uff0c\u6216\u8865\u4ea4\u6b20\u8d39\uff08\u4e00\u5f20\u6536\u636e\uff09", None))
        self.payFromLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6708\u4efd \u4ece", None))
        self.payToLabel.setText(QCoreApplication.translate("DuesScreen", u"\u5230", None))
        self.payAmountLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6bcf\u6708\uff08\u5143\uff09", None))
        self.receiptLabel.setText(QCoreApplication.translate("DuesScreen", u"\u6536\u636e\u53f7", None))
        self.receiptEdit.setPlaceholderText(QCoreApplication.translate("DuesScreen", u"\u7559\u7a7a\u81ea\u52a8\u7f16\u53f7", None))
        self.payError.setText("")
        self.payError.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"error", None))
        self.printMemberReceiptsButton.setText(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u6536\u636e\u2026", None))
#if QT_CONFIG(tooltip)
        self.printMemberReceiptsButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u8fd9\u540d\u515a\u5458\u521a\u767b\u8bb0\u7684\u6536\u636e\uff08\u6ca1\u6709\u5219\u6253\u5370\u672c\u5e74\u5168\u90e8\u6536\u636e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.reverseButton.setText(QCoreApplication.translate("DuesScreen", u"\u51b2\u9500\u6536\u636e\u2026", None))
#if QT_CONFIG(tooltip)
        self.reverseButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u767b\u8bb0\u9519\u4e86\u7684\u6536\u636e\uff08\u91d1\u989d\u3001\u6708\u4efd\u6216\u515a\u5458\u9519\u4e86\uff09\uff1a\u9009\u4e00\u5f20\uff0c\u5199\u660e\u539f\u56e0\uff0c\u5f00\u7ea2\u5b57\u6536\u636e\u51b2\u9500\uff1b\u7136\u540e\u91cd\u65b0\u767b\u8bb0\u6b63\u786e\u7684", None))
#endif // QT_CONFIG(tooltip)
        self.payButton.setText(QCoreApplication.translate("DuesScreen", u"\u767b\u8bb0\u7f34\u8d39", None))
#if QT_CONFIG(tooltip)
        self.payButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u4e00\u5f20\u6536\u636e\u767b\u8bb0\u8fd9\u540d\u515a\u5458\u7684\u4e00\u4e2a\u6216\u51e0\u4e2a\u6708\uff08\u9884\u4ea4\u6216\u8865\u4ea4\u6b20\u8d39\uff09\uff1b\u7f34\u7eb3\u65e5\u671f\u548c\u6536\u6b3e\u4eba\u7528\u201c\u672c\u6708\u6536\u7f34\u201d\u9875\u4e0a\u586b\u7684", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.memberTab), QCoreApplication.translate("DuesScreen", u"\u515a\u5458\u515a\u8d39", None))
        self.ladderLabel.setText("")
        self.ladderLabel.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"notice", None))
        self.remindButton.setText(QCoreApplication.translate("DuesScreen", u"\u767b\u8bb0\u50ac\u7f34\u901a\u77e5", None))
#if QT_CONFIG(tooltip)
        self.remindButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u4e3a\u9009\u4e2d\u7684\u515a\u5458\u767b\u8bb0\u4e00\u6b21\u50ac\u7f34\u901a\u77e5\uff08\u8bb0\u5165\u8d26\u672c\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printRemindersButton.setText(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u50ac\u7f34\u901a\u77e5\u2026", None))
#if QT_CONFIG(tooltip)
        self.printRemindersButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u4e3a\u9009\u4e2d\u7684\u515a\u5458\uff08\u672a\u9009\u5219\u4e3a\u6b20\u7f34 3 \u4e2a\u6708\u53ca\u4ee5\u4e0a\u7684\u515a\u5458\uff09\u6253\u5370\u50ac\u7f34\u901a\u77e5\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.arrearsCount.setText("")
        self.arrearsCount.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"hint", None))
        self.tabs.setTabText(self.tabs.indexOf(self.arrearsTab), QCoreApplication.translate("DuesScreen", u"\u6b20\u7f34\u4e0e\u50ac\u7f34", None))
        self.printRegisterButton.setText(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u53f0\u8d26\u2026", None))
#if QT_CONFIG(tooltip)
        self.printRegisterButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u5168\u5e74\u515a\u8d39\u6536\u7f34\u53f0\u8d26\uff0cA4 \u6a2a\u5411\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printRegisterButton.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"primary", None))
        self.exportRegisterButton.setText(QCoreApplication.translate("DuesScreen", u"\u5bfc\u51fa\u53f0\u8d26 Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportRegisterButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u5168\u5e74\u53f0\u8d26\u4fdd\u5b58\u4e3a Excel \u5de5\u4f5c\u7c3f", None))
#endif // QT_CONFIG(tooltip)
        self.printPublicityButton.setText(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u5e74\u5ea6\u516c\u793a\u2026", None))
#if QT_CONFIG(tooltip)
        self.printPublicityButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u515a\u8d39\u6536\u7f34\u60c5\u51b5\u516c\u793a\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printReceiptsButton.setText(QCoreApplication.translate("DuesScreen", u"\u6253\u5370\u5168\u5e74\u6536\u636e\u2026", None))
#if QT_CONFIG(tooltip)
        self.printReceiptsButton.setToolTip(QCoreApplication.translate("DuesScreen", u"\u5168\u5e74\u6240\u6709\u6536\u636e\uff08PDF\uff0c\u4e00\u9875\u56db\u5f20\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.registerTotals.setText("")
        self.registerTotals.setProperty(u"role", QCoreApplication.translate("DuesScreen", u"hint", None))
        self.tabs.setTabText(self.tabs.indexOf(self.registerTab), QCoreApplication.translate("DuesScreen", u"\u5168\u5e74\u53f0\u8d26", None))
    # retranslateUi

