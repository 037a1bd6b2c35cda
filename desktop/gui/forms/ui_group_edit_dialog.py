# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'group_edit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_GroupEditDialog(object):
    def setupUi(self, GroupEditDialog):
        if not GroupEditDialog.objectName():
            GroupEditDialog.setObjectName(u"GroupEditDialog")
        GroupEditDialog.resize(420, 200)
        self.dialogLayout = QVBoxLayout(GroupEditDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setHorizontalSpacing(10)
        self.formGrid.setVerticalSpacing(4)
        self.nameLabel = QLabel(GroupEditDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(GroupEditDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(30)

        self.formGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(GroupEditDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.formGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.leaderLabel = QLabel(GroupEditDialog)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.formGrid.addWidget(self.leaderLabel, 2, 0, 1, 1)

        self.leaderCombo = QComboBox(GroupEditDialog)
        self.leaderCombo.setObjectName(u"leaderCombo")

        self.formGrid.addWidget(self.leaderCombo, 2, 1, 1, 1)

        self.leaderError = QLabel(GroupEditDialog)
        self.leaderError.setObjectName(u"leaderError")
        self.leaderError.setWordWrap(True)
        self.leaderError.setVisible(False)

        self.formGrid.addWidget(self.leaderError, 3, 1, 1, 1)

        self.noteLabel = QLabel(GroupEditDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formGrid.addWidget(self.noteLabel, 4, 0, 1, 1)

        self.noteEdit = QLineEdit(GroupEditDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(200)

        self.formGrid.addWidget(self.noteEdit, 4, 1, 1, 1)

        self.noteError = QLabel(GroupEditDialog)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setWordWrap(True)
        self.noteError.setVisible(False)

        self.formGrid.addWidget(self.noteError, 5, 1, 1, 1)

        self.formGrid.setColumnStretch(1, 1)

        self.dialogLayout.addLayout(self.formGrid)

        self.vSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.vSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setSpacing(6)
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(GroupEditDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.cancelButton = QPushButton(GroupEditDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.leaderLabel.setBuddy(self.leaderCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.leaderCombo)
        QWidget.setTabOrder(self.leaderCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(GroupEditDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(GroupEditDialog)
    # setupUi

    def retranslateUi(self, GroupEditDialog):
        GroupEditDialog.setWindowTitle(QCoreApplication.translate("GroupEditDialog", u"\u515a\u5c0f\u7ec4", None))
        self.nameLabel.setText(QCoreApplication.translate("GroupEditDialog", u"\u515a\u5c0f\u7ec4\u540d\u79f0", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("GroupEditDialog", u"\u5982 \u7b2c\u4e00\u515a\u5c0f\u7ec4", None))
        self.nameError.setText("")
        self.nameError.setProperty(u"role", QCoreApplication.translate("GroupEditDialog", u"error", None))
        self.leaderLabel.setText(QCoreApplication.translate("GroupEditDialog", u"\u7ec4\u957f", None))
        self.leaderError.setText("")
        self.leaderError.setProperty(u"role", QCoreApplication.translate("GroupEditDialog", u"error", None))
        self.noteLabel.setText(QCoreApplication.translate("GroupEditDialog", u"\u5907\u6ce8", None))
        self.noteError.setText("")
        self.noteError.setProperty(u"role", QCoreApplication.translate("GroupEditDialog", u"error", None))
        self.saveButton.setText(QCoreApplication.translate("GroupEditDialog", u"\u4fdd\u5b58", None))
        self.saveButton.setProperty(u"role", QCoreApplication.translate("GroupEditDialog", u"primary", None))
        self.cancelButton.setText(QCoreApplication.translate("GroupEditDialog", u"\u53d6\u6d88", None))
    # retranslateUi

