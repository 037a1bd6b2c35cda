# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_EventDialog(object):
    def setupUi(self, EventDialog):
        if not EventDialog.objectName():
            EventDialog.setObjectName(u"EventDialog")
        EventDialog.resize(520, 320)
        self.dialogLayout = QVBoxLayout(EventDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setHorizontalSpacing(10)
        self.formGrid.setVerticalSpacing(4)
        self.memberLabel = QLabel(EventDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formGrid.addWidget(self.memberLabel, 0, 0, 1, 1)

        self.memberValue = QLabel(EventDialog)
        self.memberValue.setObjectName(u"memberValue")
        self.memberValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formGrid.addWidget(self.memberValue, 0, 1, 1, 1)

        self.memberError = QLabel(EventDialog)
        self.memberError.setObjectName(u"memberError")
        self.memberError.setWordWrap(True)
        self.memberError.setVisible(False)

        self.formGrid.addWidget(self.memberError, 1, 1, 1, 1)

        self.kindLabel = QLabel(EventDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formGrid.addWidget(self.kindLabel, 2, 0, 1, 1)

        self.kindCombo = QComboBox(EventDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formGrid.addWidget(self.kindCombo, 2, 1, 1, 1)

        self.kindError = QLabel(EventDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)
        self.kindError.setVisible(False)

        self.formGrid.addWidget(self.kindError, 3, 1, 1, 1)

        self.dateLabel = QLabel(EventDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formGrid.addWidget(self.dateLabel, 4, 0, 1, 1)

        self.dateEdit = QLineEdit(EventDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setMaxLength(10)

        self.formGrid.addWidget(self.dateEdit, 4, 1, 1, 1)

        self.dateError = QLabel(EventDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)
        self.dateError.setVisible(False)

        self.formGrid.addWidget(self.dateError, 5, 1, 1, 1)

        self.whereLabel = QLabel(EventDialog)
        self.whereLabel.setObjectName(u"whereLabel")

        self.formGrid.addWidget(self.whereLabel, 6, 0, 1, 1)

        self.whereLayout = QHBoxLayout()
        self.whereLayout.setSpacing(6)
        self.whereLayout.setObjectName(u"whereLayout")
        self.whereEdit = QLineEdit(EventDialog)
        self.whereEdit.setObjectName(u"whereEdit")
        self.whereEdit.setMaxLength(60)

        self.whereLayout.addWidget(self.whereEdit)

        self.scopeCombo = QComboBox(EventDialog)
        self.scopeCombo.addItem("")
        self.scopeCombo.addItem("")
        self.scopeCombo.setObjectName(u"scopeCombo")

        self.whereLayout.addWidget(self.scopeCombo)


        self.formGrid.addLayout(self.whereLayout, 6, 1, 1, 1)

        self.whereError = QLabel(EventDialog)
        self.whereError.setObjectName(u"whereError")
        self.whereError.setWordWrap(True)
        self.whereError.setVisible(False)

        self.formGrid.addWidget(self.whereError, 7, 1, 1, 1)

        self.noteLabel = QLabel(EventDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formGrid.addWidget(self.noteLabel, 8, 0, 1, 1)

        self.noteEdit = QLineEdit(EventDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(200)

        self.formGrid.addWidget(self.noteEdit, 8, 1, 1, 1)

        self.noteError = QLabel(EventDialog)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setWordWrap(True)
        self.noteError.setVisible(False)

        self.formGrid.addWidget(self.noteError, 9, 1, 1, 1)

        self.formGrid.setColumnStretch(1, 1)

        self.dialogLayout.addLayout(self.formGrid)

        self.hintLabel = QLabel(EventDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.vSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.vSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setSpacing(6)
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(EventDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.cancelButton = QPushButton(EventDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.whereLabel.setBuddy(self.whereEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.whereEdit)
        QWidget.setTabOrder(self.whereEdit, self.scopeCombo)
        QWidget.setTabOrder(self.scopeCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(EventDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(EventDialog)
    # setupUi

    def retranslateUi(self, EventDialog):
        EventDialog.setWindowTitle(QCoreApplication.translate("EventDialog", u"\u767b\u8bb0\u53d8\u52a8", None))
        self.memberLabel.setText(QCoreApplication.translate("EventDialog", u"\u515a\u5458", None))
        self.memberValue.setText("")
        self.memberError.setText("")
        self.memberError.setProperty(u"role", QCoreApplication.translate("EventDialog", u"error", None))
        self.kindLabel.setText(QCoreApplication.translate("EventDialog", u"\u53d8\u52a8\u7c7b\u578b", None))
        self.kindError.setText("")
        self.kindError.setProperty(u"role", QCoreApplication.translate("EventDialog", u"error", None))
        self.dateLabel.setText(QCoreApplication.translate("EventDialog", u"\u65e5\u671f", None))
        self.dateEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"\u5e74-\u6708-\u65e5\uff0c\u5982 2026-07-01", None))
        self.dateError.setText("")
        self.dateError.setProperty(u"role", QCoreApplication.translate("EventDialog", u"error", None))
        self.whereLabel.setText(QCoreApplication.translate("EventDialog", u"\u6d41\u52a8\u53bb\u5411", None))
        self.whereEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"\u6240\u5728\u5730\u6216\u5355\u4f4d", None))
        self.scopeCombo.setItemText(0, QCoreApplication.translate("EventDialog", u"\u7701\u5185", None))
        self.scopeCombo.setItemText(1, QCoreApplication.translate("EventDialog", u"\u7701\u5916", None))

        self.whereError.setText("")
        self.whereError.setProperty(u"role", QCoreApplication.translate("EventDialog", u"error", None))
        self.noteLabel.setText(QCoreApplication.translate("EventDialog", u"\u8bf4\u660e", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"\u539f\u56e0\u3001\u53bb\u5411\u6216\u5176\u4ed6\u8bf4\u660e", None))
        self.noteError.setText("")
        self.noteError.setProperty(u"role", QCoreApplication.translate("EventDialog", u"error", None))
        self.hintLabel.setText("")
        self.hintLabel.setProperty(u"role", QCoreApplication.translate("EventDialog", u"hint", None))
        self.saveButton.setText(QCoreApplication.translate("EventDialog", u"\u767b\u8bb0", None))
        self.saveButton.setProperty(u"role", QCoreApplication.translate("EventDialog", u"primary", None))
        self.cancelButton.setText(QCoreApplication.translate("EventDialog", u"\u53d6\u6d88", None))
    # retranslateUi

