# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'year_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout,
    QLabel, QListWidget, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_YearDialog(object):
    def setupUi(self, YearDialog):
        if not YearDialog.objectName():
            YearDialog.setObjectName(u"YearDialog")
        YearDialog.resize(600, 460)
        self.mainLayout = QVBoxLayout(YearDialog)
        self.mainLayout.setSpacing(14)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.introLabel = QLabel(YearDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(12)
        self.yearLabel = QLabel(YearDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(YearDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.schemeLabel = QLabel(YearDialog)
        self.schemeLabel.setObjectName(u"schemeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.schemeLabel)

        self.schemeCombo = QComboBox(YearDialog)
        self.schemeCombo.setObjectName(u"schemeCombo")
        self.schemeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.schemeCombo.setMinimumContentsLength(30)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.schemeCombo)

        self.schemeNote = QLabel(YearDialog)
        self.schemeNote.setObjectName(u"schemeNote")
        self.schemeNote.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.schemeNote)


        self.mainLayout.addLayout(self.formLayout)

        self.unfinishedLabel = QLabel(YearDialog)
        self.unfinishedLabel.setObjectName(u"unfinishedLabel")
        self.unfinishedLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.unfinishedLabel)

        self.unfinishedList = QListWidget(YearDialog)
        self.unfinishedList.setObjectName(u"unfinishedList")
        self.unfinishedList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.unfinishedList.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.mainLayout.addWidget(self.unfinishedList)

        self.problemLabel = QLabel(YearDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(YearDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.schemeLabel.setBuddy(self.schemeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.schemeCombo)

        self.retranslateUi(YearDialog)

        QMetaObject.connectSlotsByName(YearDialog)
    # setupUi

    def retranslateUi(self, YearDialog):
        YearDialog.setWindowTitle(QCoreApplication.translate("YearDialog", u"\u8fdb\u5165\u65b0\u5e74\u5ea6", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("YearDialog", u"hint", None))
        self.yearLabel.setText(QCoreApplication.translate("YearDialog", u"\u8fdb\u5165\u5e74\u5ea6\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("YearDialog", u" \u5e74", None))
        self.schemeLabel.setText(QCoreApplication.translate("YearDialog", u"\u65b0\u5e74\u5ea6\u79ef\u5206\u65b9\u6848\uff1a", None))
        self.schemeNote.setProperty(u"role", QCoreApplication.translate("YearDialog", u"hint", None))
        self.problemLabel.setProperty(u"role", QCoreApplication.translate("YearDialog", u"error", None))
    # retranslateUi

