# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'score_detail.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTreeWidget,
    QVBoxLayout)

class Ui_ScoreDetail(object):
    def setupUi(self, ScoreDetail):
        if not ScoreDetail.objectName():
            ScoreDetail.setObjectName(u"ScoreDetail")
        ScoreDetail.resize(980, 660)
        self.dialogLayout = QVBoxLayout(ScoreDetail)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setSpacing(8)
        self.titleLayout.setObjectName(u"titleLayout")
        self.nameLabel = QLabel(ScoreDetail)
        self.nameLabel.setObjectName(u"nameLabel")

        self.titleLayout.addWidget(self.nameLabel)

        self.infoLabel = QLabel(ScoreDetail)
        self.infoLabel.setObjectName(u"infoLabel")

        self.titleLayout.addWidget(self.infoLabel)

        self.titleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleLayout.addItem(self.titleSpacer)

        self.yearCombo = QComboBox(ScoreDetail)
        self.yearCombo.setObjectName(u"yearCombo")

        self.titleLayout.addWidget(self.yearCombo)

        self.periodLabel = QLabel(ScoreDetail)
        self.periodLabel.setObjectName(u"periodLabel")

        self.titleLayout.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(ScoreDetail)
        self.periodCombo.setObjectName(u"periodCombo")
        self.periodCombo.setMinimumSize(QSize(150, 0))

        self.titleLayout.addWidget(self.periodCombo)


        self.dialogLayout.addLayout(self.titleLayout)

        self.summaryLayout = QHBoxLayout()
        self.summaryLayout.setSpacing(24)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.totalLabel = QLabel(ScoreDetail)
        self.totalLabel.setObjectName(u"totalLabel")

        self.summaryLayout.addWidget(self.totalLabel)

        self.ratingLabel = QLabel(ScoreDetail)
        self.ratingLabel.setObjectName(u"ratingLabel")
        self.ratingLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.ratingLabel.sizePolicy().hasHeightForWidth())
        self.ratingLabel.setSizePolicy(sizePolicy)

        self.summaryLayout.addWidget(self.ratingLabel)


        self.dialogLayout.addLayout(self.summaryLayout)

        self.flagsLabel = QLabel(ScoreDetail)
        self.flagsLabel.setObjectName(u"flagsLabel")
        self.flagsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.flagsLabel)

        self.linesTree = QTreeWidget(ScoreDetail)
        self.linesTree.setObjectName(u"linesTree")
        self.linesTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linesTree.setAlternatingRowColors(True)
        self.linesTree.setRootIsDecorated(True)
        self.linesTree.setUniformRowHeights(False)
        self.linesTree.setWordWrap(True)

        self.dialogLayout.addWidget(self.linesTree)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(8)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.statusLabel = QLabel(ScoreDetail)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.buttonsLayout.addWidget(self.statusLabel)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.printButton = QPushButton(ScoreDetail)
        self.printButton.setObjectName(u"printButton")

        self.buttonsLayout.addWidget(self.printButton)

        self.exportButton = QPushButton(ScoreDetail)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonsLayout.addWidget(self.exportButton)

        self.closeButton = QPushButton(ScoreDetail)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoreDetail)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(ScoreDetail)
    # setupUi

    def retranslateUi(self, ScoreDetail):
        ScoreDetail.setWindowTitle(QCoreApplication.translate("ScoreDetail", u"\u79ef\u5206\u660e\u7ec6", None))
        self.nameLabel.setProperty(u"role", QCoreApplication.translate("ScoreDetail", u"title", None))
        self.nameLabel.setText("")
        self.infoLabel.setProperty(u"role", QCoreApplication.translate("ScoreDetail", u"hint", None))
        self.infoLabel.setText("")
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(QCoreApplication.translate("ScoreDetail", u"\u770b\u54ea\u4e00\u5e74\u7684\u79ef\u5206", None))
#endif // QT_CONFIG(tooltip)
        self.periodLabel.setText(QCoreApplication.translate("ScoreDetail", u"\u671f\u95f4", None))
#if QT_CONFIG(tooltip)
        self.periodCombo.setToolTip(QCoreApplication.translate("ScoreDetail", u"\u770b\u5168\u5e74\u7684\u79ef\u5206\uff0c\u6216\u67d0\u4e00\u5b63\u5ea6\u7684\u79ef\u5206", None))
#endif // QT_CONFIG(tooltip)
        self.totalLabel.setText("")
        self.ratingLabel.setText("")
        self.flagsLabel.setProperty(u"role", QCoreApplication.translate("ScoreDetail", u"notice", None))
        self.flagsLabel.setText("")
        ___qtreewidgetitem = self.linesTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ScoreDetail", u"\u5206\u503c", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ScoreDetail", u"\u89c4\u5219", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ScoreDetail", u"\u4e8b\u5b9e", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ScoreDetail", u"\u65e5\u671f", None))
        self.statusLabel.setProperty(u"role", QCoreApplication.translate("ScoreDetail", u"hint", None))
        self.statusLabel.setText("")
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("ScoreDetail", u"\u628a\u79ef\u5206\u660e\u7ec6\u4fdd\u5b58\u4e3a\u53ef\u6253\u5370\u7684 A4 \u6587\u4ef6\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("ScoreDetail", u"\u6253\u5370\uff08PDF\uff09\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ScoreDetail", u"\u628a\u79ef\u5206\u660e\u7ec6\u4fdd\u5b58\u4e3a\u6587\u672c\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("ScoreDetail", u"\u5bfc\u51fa\u6587\u672c\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ScoreDetail", u"\u5173\u95ed", None))
    # retranslateUi

