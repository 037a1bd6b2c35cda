# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox, QGridLayout,
    QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
    QWidget)

class Ui_ActivityDialog(object):
    def setupUi(self, ActivityDialog):
        if not ActivityDialog.objectName():
            ActivityDialog.setObjectName(u"ActivityDialog")
        ActivityDialog.resize(720, 620)
        ActivityDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ActivityDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.dateLabel = QLabel(ActivityDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.grid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.dateEdit = QDateEdit(ActivityDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.grid.addWidget(self.dateEdit, 0, 1, 1, 1)

        self.typeLabel = QLabel(ActivityDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.grid.addWidget(self.typeLabel, 0, 2, 1, 1)

        self.typeCombo = QComboBox(ActivityDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.grid.addWidget(self.typeCombo, 0, 3, 1, 1)

        self.dateError = QLabel(ActivityDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)

        self.grid.addWidget(self.dateError, 1, 1, 1, 1)

        self.typeError = QLabel(ActivityDialog)
        self.typeError.setObjectName(u"typeError")
        self.typeError.setWordWrap(True)

        self.grid.addWidget(self.typeError, 1, 3, 1, 1)

        self.codeLabel = QLabel(ActivityDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.grid.addWidget(self.codeLabel, 2, 0, 1, 1)

        self.codeEdit = QLineEdit(ActivityDialog)
        self.codeEdit.setObjectName(u"codeEdit")

        self.grid.addWidget(self.codeEdit, 2, 1, 1, 1)

        self.groupLabel = QLabel(ActivityDialog)
        self.groupLabel.setObjectName(u"groupLabel")

        self.grid.addWidget(self.groupLabel, 2, 2, 1, 1)

        self.groupCombo = QComboBox(ActivityDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.grid.addWidget(self.groupCombo, 2, 3, 1, 1)

        self.codeError = QLabel(ActivityDialog)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.grid.addWidget(self.codeError, 3, 1, 1, 1)

        self.topicLabel = QLabel(ActivityDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.grid.addWidget(self.topicLabel, 4, 0, 1, 1)

        self.topicEdit = QLineEdit(ActivityDialog)
        self.topicEdit.setObjectName(u"topicEdit")

        self.grid.addWidget(self.topicEdit, 4, 1, 1, 3)

        self.placeLabel = QLabel(ActivityDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.grid.addWidget(self.placeLabel, 5, 0, 1, 1)

        self.placeEdit = QLineEdit(ActivityDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.grid.addWidget(self.placeEdit, 5, 1, 1, 3)

        self.hostLabel = QLabel(ActivityDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.grid.addWidget(self.hostLabel, 6, 0, 1, 1)

        self.hostEdit = QLineEdit(ActivityDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.grid.addWidget(self.hostEdit, 6, 1, 1, 1)

        self.recorderLabel = QLabel(ActivityDialog)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.grid.addWidget(self.recorderLabel, 6, 2, 1, 1)

        self.recorderEdit = QLineEdit(ActivityDialog)
        self.recorderEdit.setObjectName(u"recorderEdit")

        self.grid.addWidget(self.recorderEdit, 6, 3, 1, 1)

        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)

        self.dialogLayout.addLayout(self.grid)

        self.dateNote = QLabel(ActivityDialog)
        self.dateNote.setObjectName(u"dateNote")
        self.dateNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.dateNote)

        self.minutesLabel = QLabel(ActivityDialog)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.dialogLayout.addWidget(self.minutesLabel)

        self.minutesEdit = QPlainTextEdit(ActivityDialog)
        self.minutesEdit.setObjectName(u"minutesEdit")
        self.minutesEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.minutesEdit)

        self.decisionsLabel = QLabel(ActivityDialog)
        self.decisionsLabel.setObjectName(u"decisionsLabel")

        self.dialogLayout.addWidget(self.decisionsLabel)

        self.decisionsEdit = QPlainTextEdit(ActivityDialog)
        self.decisionsEdit.setObjectName(u"decisionsEdit")
        self.decisionsEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.decisionsEdit)

        self.errorLabel = QLabel(ActivityDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ActivityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.codeLabel.setBuddy(self.codeEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.topicLabel.setBuddy(self.topicEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.recorderLabel.setBuddy(self.recorderEdit)
        self.minutesLabel.setBuddy(self.minutesEdit)
        self.decisionsLabel.setBuddy(self.decisionsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.topicEdit)
        QWidget.setTabOrder(self.topicEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.recorderEdit)
        QWidget.setTabOrder(self.recorderEdit, self.minutesEdit)
        QWidget.setTabOrder(self.minutesEdit, self.decisionsEdit)

        self.retranslateUi(ActivityDialog)

        QMetaObject.connectSlotsByName(ActivityDialog)
    # setupUi

    def retranslateUi(self, ActivityDialog):
        ActivityDialog.setWindowTitle(QCoreApplication.translate("ActivityDialog", u"\u4f1a\u8bae\u6d3b\u52a8", None))
        self.dateLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u65e5\u671f *", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ActivityDialog", u"yyyy-MM-dd", None))
        self.typeLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u7c7b\u578b *", None))
        self.dateError.setProperty(u"role", QCoreApplication.translate("ActivityDialog", u"error", None))
        self.dateError.setText("")
        self.typeError.setProperty(u"role", QCoreApplication.translate("ActivityDialog", u"error", None))
        self.typeError.setText("")
        self.codeLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u7f16\u53f7", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u4e0d\u586b\u5219\u81ea\u52a8\u7f16\u53f7", None))
        self.groupLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u515a\u5c0f\u7ec4", None))
#if QT_CONFIG(tooltip)
        self.groupCombo.setToolTip(QCoreApplication.translate("ActivityDialog", u"\u515a\u5c0f\u7ec4\u4f1a\uff1a\u9009\u62e9\u662f\u54ea\u4e2a\u515a\u5c0f\u7ec4\u7684\u4f1a\u8bae\uff08\u7b7e\u5230\u8868\u53ea\u5217\u8be5\u7ec4\u515a\u5458\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.codeError.setProperty(u"role", QCoreApplication.translate("ActivityDialog", u"error", None))
        self.codeError.setText("")
        self.topicLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u4e3b\u9898", None))
        self.topicEdit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u5982\uff1a\u5b66\u4e60\u300a\u4e2d\u56fd\u5171\u4ea7\u515a\u7ae0\u7a0b\u300b", None))
        self.placeLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u5730\u70b9", None))
        self.hostLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u4e3b\u6301\u4eba", None))
        self.recorderLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u8bb0\u5f55\u4eba", None))
        self.dateNote.setProperty(u"role", QCoreApplication.translate("ActivityDialog", u"notice", None))
        self.dateNote.setText("")
        self.minutesLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u4f1a\u8bae\u5185\u5bb9\uff08\u4f1a\u8bae\u8bb0\u5f55\uff09", None))
        self.minutesEdit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u4f1a\u8bae\u7684\u4e3b\u8981\u5185\u5bb9\u3001\u53d1\u8a00\u60c5\u51b5\uff08\u53ef\u4f1a\u540e\u8865\u5199\uff09", None))
        self.decisionsLabel.setText(QCoreApplication.translate("ActivityDialog", u"\u51b3\u5b9a\u4e8b\u9879", None))
        self.decisionsEdit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u4f1a\u8bae\u4f5c\u51fa\u7684\u51b3\u5b9a\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.errorLabel.setProperty(u"role", QCoreApplication.translate("ActivityDialog", u"error", None))
        self.errorLabel.setText("")
    # retranslateUi

