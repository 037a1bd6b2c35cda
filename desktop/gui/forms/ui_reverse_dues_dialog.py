# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reverse_dues_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDateEdit, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QTableWidget,
    QVBoxLayout, QWidget)

class Ui_ReverseDuesDialog(object):
    def setupUi(self, ReverseDuesDialog):
        if not ReverseDuesDialog.objectName():
            ReverseDuesDialog.setObjectName(u"ReverseDuesDialog")
        ReverseDuesDialog.resize(840, 600)
        self.mainLayout = QVBoxLayout(ReverseDuesDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(20, 16, 20, 16)
        self.introLabel = QLabel(ReverseDuesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.allYearsCheck = QCheckBox(ReverseDuesDialog)
        self.allYearsCheck.setObjectName(u"allYearsCheck")

        self.mainLayout.addWidget(self.allYearsCheck)

        self.receiptsTable = QTableWidget(ReverseDuesDialog)
        self.receiptsTable.setObjectName(u"receiptsTable")
        self.receiptsTable.setMinimumSize(QSize(0, 220))
        self.receiptsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.receiptsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.receiptsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.receiptsTable.setAlternatingRowColors(True)
        self.receiptsTable.horizontalHeader().setStretchLastSection(True)
        self.receiptsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.receiptsTable)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(8)
        self.reasonLabel = QLabel(ReverseDuesDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ReverseDuesDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.byLabel = QLabel(ReverseDuesDialog)
        self.byLabel.setObjectName(u"byLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byEdit = QLineEdit(ReverseDuesDialog)
        self.byEdit.setObjectName(u"byEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.byEdit)

        self.dateLabel = QLabel(ReverseDuesDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ReverseDuesDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(ReverseDuesDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(ReverseDuesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.byLabel.setBuddy(self.byEdit)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.allYearsCheck, self.receiptsTable)
        QWidget.setTabOrder(self.receiptsTable, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.byEdit)
        QWidget.setTabOrder(self.byEdit, self.dateEdit)

        self.retranslateUi(ReverseDuesDialog)

        QMetaObject.connectSlotsByName(ReverseDuesDialog)
    # setupUi

    def retranslateUi(self, ReverseDuesDialog):
        ReverseDuesDialog.setWindowTitle(QCoreApplication.translate("ReverseDuesDialog", u"\u51b2\u9500\u515a\u8d39\u6536\u636e\uff08\u7ea2\u5b57\uff09", None))
        self.introLabel.setText(QCoreApplication.translate("ReverseDuesDialog", u"\u9009\u51fa\u767b\u8bb0\u9519\u4e86\u7684\u6536\u636e\u3002\u51b2\u9500\u5f00\u4e00\u5f20\u7ea2\u5b57\u6536\u636e\uff08\u8d1f\u6570\uff0c\u4e0b\u4e00\u4e2a\u6536\u636e\u53f7\uff09\uff0c\u539f\u6536\u636e\u548c\u7f34\u8d39\u8bb0\u5f55\u4fdd\u7559\u4e0d\u6539\uff1b\u53f0\u8d26\u3001\u516c\u793a\u548c\u62a5\u9001\u5305\u53ea\u8ba1\u672a\u51b2\u9500\u7684\u3002\u51b2\u9500\u540e\u8bf7\u6309\u6b63\u786e\u7684\u91d1\u989d\u548c\u6708\u4efd\u91cd\u65b0\u767b\u8bb0\u3002\u5df2\u786e\u8ba4\u671f\u95f4\u7684\u6536\u636e\u4e5f\u53ef\u4ee5\u51b2\u9500\uff1a\u7ea2\u5b57\u6536\u636e\u8bb0\u5728\u51b2\u9500\u65e5\u671f\uff08\u4eca\u5929\uff09\u6240\u5728\u7684\u672a\u786e\u8ba4\u671f\u95f4\uff0c\u5df2\u786e\u8ba4\u671f\u95f4\u7684\u79ef\u5206\u548c\u6821\u9a8c\u503c\u4e0d\u53d8\u3002", None))
        self.allYearsCheck.setText(QCoreApplication.translate("ReverseDuesDialog", u"\u4e5f\u5217\u51fa\u5176\u4ed6\u5e74\u5ea6\u7684\u6536\u636e", None))
#if QT_CONFIG(tooltip)
        self.allYearsCheck.setToolTip(QCoreApplication.translate("ReverseDuesDialog", u"\u8981\u51b2\u9500\u7684\u6536\u636e\u4e0d\u5728\u672c\u5e74\u5ea6\uff08\u4f8b\u5982\u53bb\u5e7412\u6708\u7684\u6536\u636e\uff0c\u4eca\u5e741\u6708\u624d\u53d1\u73b0\u5f55\u9519\uff09\u65f6\u52fe\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("ReverseDuesDialog", u"\u51b2\u9500\u539f\u56e0\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReverseDuesDialog", u"\u4f8b\u5982\uff1a\u91d1\u989d\u5f55\u9519\uff0c\u5e94\u4e3a 1.00 \u5143", None))
        self.byLabel.setText(QCoreApplication.translate("ReverseDuesDialog", u"\u51b3\u5b9a\u4eba\uff1a", None))
        self.byEdit.setPlaceholderText(QCoreApplication.translate("ReverseDuesDialog", u"\u7ecf\u529e\u4eba\u6216\u652f\u59d4\u4f1a", None))
        self.dateLabel.setText(QCoreApplication.translate("ReverseDuesDialog", u"\u51b2\u9500\u65e5\u671f\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ReverseDuesDialog", u"yyyy-MM-dd", None))
        self.problemLabel.setProperty(u"role", QCoreApplication.translate("ReverseDuesDialog", u"error", None))
    # retranslateUi

