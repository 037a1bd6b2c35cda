# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QSplitter,
    QTableWidget, QVBoxLayout, QWidget)

class Ui_ExchangeScreen(object):
    def setupUi(self, ExchangeScreen):
        if not ExchangeScreen.objectName():
            ExchangeScreen.setObjectName(u"ExchangeScreen")
        ExchangeScreen.resize(960, 600)
        self.mainLayout = QVBoxLayout(ExchangeScreen)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(28, 20, 28, 20)
        self.titleLabel = QLabel(ExchangeScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(ExchangeScreen)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.yearLabel = QLabel(ExchangeScreen)
        self.yearLabel.setObjectName(u"yearLabel")

        self.barLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(ExchangeScreen)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.barLayout.addWidget(self.yearSpin)

        self.barSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.addButton = QPushButton(ExchangeScreen)
        self.addButton.setObjectName(u"addButton")

        self.barLayout.addWidget(self.addButton)

        self.returnButton = QPushButton(ExchangeScreen)
        self.returnButton.setObjectName(u"returnButton")

        self.barLayout.addWidget(self.returnButton)

        self.printButton = QPushButton(ExchangeScreen)
        self.printButton.setObjectName(u"printButton")

        self.barLayout.addWidget(self.printButton)


        self.mainLayout.addLayout(self.barLayout)

        self.stateLabel = QLabel(ExchangeScreen)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.stateLabel)

        self.splitter = QSplitter(ExchangeScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.ledgerPane = QWidget(self.splitter)
        self.ledgerPane.setObjectName(u"ledgerPane")
        self.ledgerLayout = QVBoxLayout(self.ledgerPane)
        self.ledgerLayout.setObjectName(u"ledgerLayout")
        self.ledgerLayout.setContentsMargins(0, 0, 0, 0)
        self.ledgerLabel = QLabel(self.ledgerPane)
        self.ledgerLabel.setObjectName(u"ledgerLabel")

        self.ledgerLayout.addWidget(self.ledgerLabel)

        self.ledgerTable = QTableWidget(self.ledgerPane)
        self.ledgerTable.setObjectName(u"ledgerTable")
        self.ledgerTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledgerTable.setAlternatingRowColors(True)
        self.ledgerTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ledgerTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledgerTable.horizontalHeader().setStretchLastSection(True)
        self.ledgerTable.verticalHeader().setVisible(False)

        self.ledgerLayout.addWidget(self.ledgerTable)

        self.splitter.addWidget(self.ledgerPane)
        self.balancePane = QWidget(self.splitter)
        self.balancePane.setObjectName(u"balancePane")
        self.balanceLayout = QVBoxLayout(self.balancePane)
        self.balanceLayout.setObjectName(u"balanceLayout")
        self.balanceLayout.setContentsMargins(0, 0, 0, 0)
        self.balanceLabel = QLabel(self.balancePane)
        self.balanceLabel.setObjectName(u"balanceLabel")

        self.balanceLayout.addWidget(self.balanceLabel)

        self.balanceTable = QTableWidget(self.balancePane)
        self.balanceTable.setObjectName(u"balanceTable")
        self.balanceTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.balanceTable.setAlternatingRowColors(True)
        self.balanceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.balanceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.balanceTable.horizontalHeader().setStretchLastSection(True)
        self.balanceTable.verticalHeader().setVisible(False)

        self.balanceLayout.addWidget(self.balanceTable)

        self.splitter.addWidget(self.balancePane)

        self.mainLayout.addWidget(self.splitter)

        self.countLabel = QLabel(ExchangeScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.countLabel)

        self.mainLayout.setStretch(4, 1)

        self.retranslateUi(ExchangeScreen)

        QMetaObject.connectSlotsByName(ExchangeScreen)
    # setupUi

    def retranslateUi(self, ExchangeScreen):
        self.titleLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u79ef\u5206\u5151\u6362", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("ExchangeScreen", u"title", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("ExchangeScreen", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u515a\u5458\u51ed\u672c\u5e74\u5ea6\u79ef\u5206\u5151\u6362\u5b9e\u7269\u6216\u670d\u52a1\uff0c\u5728\u8fd9\u91cc\u767b\u8bb0\u5907\u6848\u3002\u5151\u6362\u4e0d\u6539\u53d8\u79ef\u5206\u548c\u8bc4\u5b9a\u7ed3\u679c\uff1b\u79ef\u5206\u5f53\u5e74\u6709\u6548\uff0c\u5e74\u5ea6\u6e05\u96f6\u3002\u767b\u8bb0\u540e\u4e0d\u80fd\u4fee\u6539\uff0c\u767b\u9519\u4e86\u8bf7\u767b\u8bb0\u9000\u56de\u5e76\u5199\u660e\u539f\u56e0\u3002", None))
        self.yearLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u5e74\u5ea6", None))
        self.addButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u767b\u8bb0\u5151\u6362\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ExchangeScreen", u"\u767b\u8bb0\u4e00\u540d\u515a\u5458\u7528\u79ef\u5206\u5151\u6362\u7684\u5b9e\u7269\u6216\u670d\u52a1\uff08Ctrl+N\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setProperty(u"role", QCoreApplication.translate("ExchangeScreen", u"primary", None))
        self.returnButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u767b\u8bb0\u9000\u56de\u2026", None))
#if QT_CONFIG(tooltip)
        self.returnButton.setToolTip(QCoreApplication.translate("ExchangeScreen", u"\u5151\u6362\u767b\u9519\u6216\u9000\u56de\u65f6\uff0c\u767b\u8bb0\u4e00\u7b14\u9000\u56de\uff08\u5199\u660e\u539f\u56e0\uff09\uff1b\u539f\u8bb0\u5f55\u4fdd\u7559\u4e0d\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u6253\u5370\u767b\u8bb0\u8868\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("ExchangeScreen", u"\u6253\u5370\u6240\u9009\u515a\u5458\u7684\u79ef\u5206\u8003\u6838\u7ba1\u7406\u767b\u8bb0\u8868\uff08\u542b\u672c\u5e74\u5ea6\u79ef\u5206\u5151\u6362\uff0cCtrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.ledgerLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u5151\u6362\u8bb0\u5f55", None))
        self.ledgerLabel.setProperty(u"role", QCoreApplication.translate("ExchangeScreen", u"section", None))
        self.balanceLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u6bcf\u540d\u515a\u5458\u7684\u53ef\u5151\u6362\u79ef\u5206", None))
        self.balanceLabel.setProperty(u"role", QCoreApplication.translate("ExchangeScreen", u"section", None))
        self.countLabel.setProperty(u"role", QCoreApplication.translate("ExchangeScreen", u"hint", None))
        pass
    # retranslateUi

