# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(900, 520)
        MemberDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(MemberDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(12)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.basicBox = QGroupBox(MemberDialog)
        self.basicBox.setObjectName(u"basicBox")
        self.basicGrid = QGridLayout(self.basicBox)
        self.basicGrid.setObjectName(u"basicGrid")
        self.basicGrid.setHorizontalSpacing(10)
        self.basicGrid.setVerticalSpacing(4)
        self.codeLabel = QLabel(self.basicBox)
        self.codeLabel.setObjectName(u"codeLabel")

        self.basicGrid.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.codeEdit = QLineEdit(self.basicBox)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMinimumSize(QSize(230, 0))
        self.codeEdit.setMaxLength(20)

        self.basicGrid.addWidget(self.codeEdit, 0, 1, 1, 1)

        self.codeError = QLabel(self.basicBox)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)
        self.codeError.setVisible(False)

        self.basicGrid.addWidget(self.codeError, 1, 1, 1, 1)

        self.nameLabel = QLabel(self.basicBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicGrid.addWidget(self.nameLabel, 2, 0, 1, 1)

        self.nameEdit = QLineEdit(self.basicBox)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMinimumSize(QSize(230, 0))
        self.nameEdit.setMaxLength(30)

        self.basicGrid.addWidget(self.nameEdit, 2, 1, 1, 1)

        self.nameError = QLabel(self.basicBox)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.basicGrid.addWidget(self.nameError, 3, 1, 1, 1)

        self.id_cardLabel = QLabel(self.basicBox)
        self.id_cardLabel.setObjectName(u"id_cardLabel")

        self.basicGrid.addWidget(self.id_cardLabel, 4, 0, 1, 1)

        self.idCardEdit = QLineEdit(self.basicBox)
        self.idCardEdit.setObjectName(u"idCardEdit")
        self.idCardEdit.setMinimumSize(QSize(230, 0))
        self.idCardEdit.setMaxLength(18)

        self.basicGrid.addWidget(self.idCardEdit, 4, 1, 1, 1)

        self.id_cardError = QLabel(self.basicBox)
        self.id_cardError.setObjectName(u"id_cardError")
        self.id_cardError.setWordWrap(True)
        self.id_cardError.setVisible(False)

        self.basicGrid.addWidget(self.id_cardError, 5, 1, 1, 1)

        self.genderLabel = QLabel(self.basicBox)
        self.genderLabel.setObjectName(u"genderLabel")

        self.basicGrid.addWidget(self.genderLabel, 6, 0, 1, 1)

        self.genderCombo = QComboBox(self.basicBox)
        self.genderCombo.addItem("")
        self.genderCombo.addItem("")
        self.genderCombo.addItem("")
        self.genderCombo.setObjectName(u"genderCombo")
        self.genderCombo.setMinimumSize(QSize(230, 0))

        self.basicGrid.addWidget(self.genderCombo, 6, 1, 1, 1)

        self.genderError = QLabel(self.basicBox)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setWordWrap(True)
        self.genderError.setVisible(False)

        self.basicGrid.addWidget(self.genderError, 7, 1, 1, 1)

        self.birth_dateLabel = QLabel(self.basicBox)
        self.birth_dateLabel.setObjectName(u"birth_dateLabel")

        self.basicGrid.addWidget(self.birth_dateLabel, 8, 0, 1, 1)

        self.birthDateEdit = QLineEdit(self.basicBox)
        self.birthDateEdit.setObjectName(u"birthDateEdit")
        self.birthDateEdit.setMinimumSize(QSize(230, 0))
        self.birthDateEdit.setMaxLength(10)

        self.basicGrid.addWidget(self.birthDateEdit, 8, 1, 1, 1)

        self.birth_dateError = QLabel(self.basicBox)
        self.birth_dateError.setObjectName(u"birth_dateError")
        self.birth_dateError.setWordWrap(True)
        self.birth_dateError.setVisible(False)

        self.basicGrid.addWidget(self.birth_dateError, 9, 1, 1, 1)

        self.ethnicityLabel = QLabel(self.basicBox)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.basicGrid.addWidget(self.ethnicityLabel, 10, 0, 1, 1)

        self.ethnicityCombo = QComboBox(self.basicBox)
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.addItem("")
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")
        self.ethnicityCombo.setEditable(True)
        self.ethnicityCombo.setMinimumSize(QSize(230, 0))

        self.basicGrid.addWidget(self.ethnicityCombo, 10, 1, 1, 1)

        self.ethnicityError = QLabel(self.basicBox)
        self.ethnicityError.setObjectName(u"ethnicityError")
        self.ethnicityError.setWordWrap(True)
        self.ethnicityError.setVisible(False)

        self.basicGrid.addWidget(self.ethnicityError, 11, 1, 1, 1)

        self.phoneLabel = QLabel(self.basicBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.basicGrid.addWidget(self.phoneLabel, 12, 0, 1, 1)

        self.phoneEdit = QLineEdit(self.basicBox)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMinimumSize(QSize(230, 0))
        self.phoneEdit.setMaxLength(20)

        self.basicGrid.addWidget(self.phoneEdit, 12, 1, 1, 1)

        self.phoneError = QLabel(self.basicBox)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.basicGrid.addWidget(self.phoneError, 13, 1, 1, 1)

        self.educationLabel = QLabel(self.basicBox)
        self.educationLabel.setObjectName(u"educationLabel")

        self.basicGrid.addWidget(self.educationLabel, 14, 0, 1, 1)

        self.educationCombo = QComboBox(self.basicBox)
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.addItem("")
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)
        self.educationCombo.setMinimumSize(QSize(230, 0))

        self.basicGrid.addWidget(self.educationCombo, 14, 1, 1, 1)

        self.educationError = QLabel(self.basicBox)
        self.educationError.setObjectName(u"educationError")
        self.educationError.setWordWrap(True)
        self.educationError.setVisible(False)

        self.basicGrid.addWidget(self.educationError, 15, 1, 1, 1)

        self.basicGridSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basicGrid.addItem(self.basicGridSpacer, 16, 0, 1, 1)

        self.basicGrid.setColumnStretch(1, 1)

        self.columnsLayout.addWidget(self.basicBox)

        self.partyBox = QGroupBox(MemberDialog)
        self.partyBox.setObjectName(u"partyBox")
        self.partyGrid = QGridLayout(self.partyBox)
        self.partyGrid.setObjectName(u"partyGrid")
        self.partyGrid.setHorizontalSpacing(10)
        self.partyGrid.setVerticalSpacing(4)
        self.statusLabel = QLabel(self.partyBox)
        self.statusLabel.setObjectName(u"statusLabel")

        self.partyGrid.addWidget(self.statusLabel, 0, 0, 1, 1)

        self.statusCombo = QComboBox(self.partyBox)
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.setObjectName(u"statusCombo")

        self.partyGrid.addWidget(self.statusCombo, 0, 1, 1, 1)

        self.statusError = QLabel(self.partyBox)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)
        self.statusError.setVisible(False)

        self.partyGrid.addWidget(self.statusError, 1, 1, 1, 1)

        self.joined_dateLabel = QLabel(self.partyBox)
        self.joined_dateLabel.setObjectName(u"joined_dateLabel")

        self.partyGrid.addWidget(self.joined_dateLabel, 2, 0, 1, 1)

        self.joinedDateEdit = QLineEdit(self.partyBox)
        self.joinedDateEdit.setObjectName(u"joinedDateEdit")
        self.joinedDateEdit.setMaxLength(10)

        self.partyGrid.addWidget(self.joinedDateEdit, 2, 1, 1, 1)

        self.joined_dateError = QLabel(self.partyBox)
        self.joined_dateError.setObjectName(u"joined_dateError")
        self.joined_dateError.setWordWrap(True)
        self.joined_dateError.setVisible(False)

        self.partyGrid.addWidget(self.joined_dateError, 3, 1, 1, 1)

        self.confirmed_dateLabel = QLabel(self.partyBox)
        self.confirmed_dateLabel.setObjectName(u"confirmed_dateLabel")

        self.partyGrid.addWidget(self.confirmed_dateLabel, 4, 0, 1, 1)

        self.confirmedDateEdit = QLineEdit(self.partyBox)
        self.confirmedDateEdit.setObjectName(u"confirmedDateEdit")
        self.confirmedDateEdit.setMaxLength(10)

        self.partyGrid.addWidget(self.confirmedDateEdit, 4, 1, 1, 1)

        self.confirmed_dateError = QLabel(self.partyBox)
        self.confirmed_dateError.setObjectName(u"confirmed_dateError")
        self.confirmed_dateError.setWordWrap(True)
        self.confirmed_dateError.setVisible(False)

        self.partyGrid.addWidget(self.confirmed_dateError, 5, 1, 1, 1)

        self.transferred_in_dateLabel = QLabel(self.partyBox)
        self.transferred_in_dateLabel.setObjectName(u"transferred_in_dateLabel")

        self.partyGrid.addWidget(self.transferred_in_dateLabel, 6, 0, 1, 1)

        self.transferredInDateEdit = QLineEdit(self.partyBox)
        self.transferredInDateEdit.setObjectName(u"transferredInDateEdit")
        self.transferredInDateEdit.setMaxLength(10)

        self.partyGrid.addWidget(self.transferredInDateEdit, 6, 1, 1, 1)

        self.transferred_in_dateError = QLabel(self.partyBox)
        self.transferred_in_dateError.setObjectName(u"transferred_in_dateError")
        self.transferred_in_dateError.setWordWrap(True)
        self.transferred_in_dateError.setVisible(False)

        self.partyGrid.addWidget(self.transferred_in_dateError, 7, 1, 1, 1)

        self.groupLabel = QLabel(self.partyBox)
        self.groupLabel.setObjectName(u"groupLabel")

        self.partyGrid.addWidget(self.groupLabel, 8, 0, 1, 1)

        self.groupCombo = QComboBox(self.partyBox)
        self.groupCombo.setObjectName(u"groupCombo")
        self.groupCombo.setEditable(True)

        self.partyGrid.addWidget(self.groupCombo, 8, 1, 1, 1)

        self.groupError = QLabel(self.partyBox)
        self.groupError.setObjectName(u"groupError")
        self.groupError.setWordWrap(True)
        self.groupError.setVisible(False)

        self.partyGrid.addWidget(self.groupError, 9, 1, 1, 1)

        self.mobileLabel = QLabel(self.partyBox)
        self.mobileLabel.setObjectName(u"mobileLabel")

        self.partyGrid.addWidget(self.mobileLabel, 10, 0, 1, 1)

        self.mobileLayout = QHBoxLayout()
        self.mobileLayout.setSpacing(6)
        self.mobileLayout.setObjectName(u"mobileLayout")
        self.mobileCheck = QCheckBox(self.partyBox)
        self.mobileCheck.setObjectName(u"mobileCheck")

        self.mobileLayout.addWidget(self.mobileCheck)

        self.mobileWhereEdit = QLineEdit(self.partyBox)
        self.mobileWhereEdit.setObjectName(u"mobileWhereEdit")
        self.mobileWhereEdit.setMinimumSize(QSize(200, 0))
        self.mobileWhereEdit.setMaxLength(60)

        self.mobileLayout.addWidget(self.mobileWhereEdit)

        self.mobileScopeCombo = QComboBox(self.partyBox)
        self.mobileScopeCombo.addItem("")
        self.mobileScopeCombo.addItem("")
        self.mobileScopeCombo.setObjectName(u"mobileScopeCombo")

        self.mobileLayout.addWidget(self.mobileScopeCombo)


        self.partyGrid.addLayout(self.mobileLayout, 10, 1, 1, 1)

        self.mobileError = QLabel(self.partyBox)
        self.mobileError.setObjectName(u"mobileError")
        self.mobileError.setWordWrap(True)
        self.mobileError.setVisible(False)

        self.partyGrid.addWidget(self.mobileError, 11, 1, 1, 1)

        self.exemptLabel = QLabel(self.partyBox)
        self.exemptLabel.setObjectName(u"exemptLabel")

        self.partyGrid.addWidget(self.exemptLabel, 12, 0, 1, 1)

        self.exemptLayout = QHBoxLayout()
        self.exemptLayout.setSpacing(6)
        self.exemptLayout.setObjectName(u"exemptLayout")
        self.exemptCheck = QCheckBox(self.partyBox)
        self.exemptCheck.setObjectName(u"exemptCheck")

        self.exemptLayout.addWidget(self.exemptCheck)

        self.exemptDateEdit = QLineEdit(self.partyBox)
        self.exemptDateEdit.setObjectName(u"exemptDateEdit")
        self.exemptDateEdit.setMinimumSize(QSize(120, 0))
        self.exemptDateEdit.setMaxLength(10)

        self.exemptLayout.addWidget(self.exemptDateEdit)

        self.exemptReasonEdit = QLineEdit(self.partyBox)
        self.exemptReasonEdit.setObjectName(u"exemptReasonEdit")
        self.exemptReasonEdit.setMinimumSize(QSize(200, 0))
        self.exemptReasonEdit.setMaxLength(60)

        self.exemptLayout.addWidget(self.exemptReasonEdit)


        self.partyGrid.addLayout(self.exemptLayout, 12, 1, 1, 1)

        self.exemptError = QLabel(self.partyBox)
        self.exemptError.setObjectName(u"exemptError")
        self.exemptError.setWordWrap(True)
        self.exemptError.setVisible(False)

        self.partyGrid.addWidget(self.exemptError, 13, 1, 1, 1)

        self.leaderLabel = QLabel(self.partyBox)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.partyGrid.addWidget(self.leaderLabel, 14, 0, 1, 1)

        self.leaderCheck = QCheckBox(self.partyBox)
        self.leaderCheck.setObjectName(u"leaderCheck")

        self.partyGrid.addWidget(self.leaderCheck, 14, 1, 1, 1)

        self.leaderError = QLabel(self.partyBox)
        self.leaderError.setObjectName(u"leaderError")
        self.leaderError.setWordWrap(True)
        self.leaderError.setVisible(False)

        self.partyGrid.addWidget(self.leaderError, 15, 1, 1, 1)

        self.partyGridSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.partyGrid.addItem(self.partyGridSpacer, 16, 0, 1, 1)

        self.partyGrid.setColumnStretch(1, 1)

        self.columnsLayout.addWidget(self.partyBox)


        self.dialogLayout.addLayout(self.columnsLayout)

        self.noteGrid = QGridLayout()
        self.noteGrid.setObjectName(u"noteGrid")
        self.noteGrid.setHorizontalSpacing(10)
        self.noteGrid.setVerticalSpacing(4)
        self.noteLabel = QLabel(MemberDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.noteGrid.addWidget(self.noteLabel, 0, 0, 1, 1)

        self.noteEdit = QLineEdit(MemberDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(200)

        self.noteGrid.addWidget(self.noteEdit, 0, 1, 1, 1)

        self.noteError = QLabel(MemberDialog)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setWordWrap(True)
        self.noteError.setVisible(False)

        self.noteGrid.addWidget(self.noteError, 1, 1, 1, 1)

        self.noteGrid.setColumnStretch(1, 1)

        self.dialogLayout.addLayout(self.noteGrid)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setSpacing(6)
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.hintLabel = QLabel(MemberDialog)
        self.hintLabel.setObjectName(u"hintLabel")

        self.buttonLayout.addWidget(self.hintLabel)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(MemberDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.cancelButton = QPushButton(MemberDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.id_cardLabel.setBuddy(self.idCardEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.birth_dateLabel.setBuddy(self.birthDateEdit)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.educationLabel.setBuddy(self.educationCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.joined_dateLabel.setBuddy(self.joinedDateEdit)
        self.confirmed_dateLabel.setBuddy(self.confirmedDateEdit)
        self.transferred_in_dateLabel.setBuddy(self.transferredInDateEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.mobileLabel.setBuddy(self.mobileCheck)
        self.exemptLabel.setBuddy(self.exemptCheck)
        self.leaderLabel.setBuddy(self.leaderCheck)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.idCardEdit)
        QWidget.setTabOrder(self.idCardEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.joinedDateEdit)
        QWidget.setTabOrder(self.joinedDateEdit, self.confirmedDateEdit)
        QWidget.setTabOrder(self.confirmedDateEdit, self.transferredInDateEdit)
        QWidget.setTabOrder(self.transferredInDateEdit, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.mobileCheck)
        QWidget.setTabOrder(self.mobileCheck, self.mobileWhereEdit)
        QWidget.setTabOrder(self.mobileWhereEdit, self.mobileScopeCombo)
        QWidget.setTabOrder(self.mobileScopeCombo, self.exemptCheck)
        QWidget.setTabOrder(self.exemptCheck, self.exemptDateEdit)
        QWidget.setTabOrder(self.exemptDateEdit, self.exemptReasonEdit)
        QWidget.setTabOrder(self.exemptReasonEdit, self.leaderCheck)
        QWidget.setTabOrder(self.leaderCheck, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(MemberDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u4fe1\u606f", None))
        self.basicBox.setTitle(QCoreApplication.translate("MemberDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.codeLabel.setText(QCoreApplication.translate("MemberDialog", u"\u7f16\u53f7", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u4e0d\u586b\u5219\u81ea\u52a8\u7f16\u53f7", None))
        self.codeError.setText("")
        self.codeError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5fc5\u586b", None))
        self.nameError.setText("")
        self.nameError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.id_cardLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8eab\u4efd\u8bc1\u53f7", None))
        self.idCardEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18 \u4f4d\uff0c\u53ef\u4e0d\u586b", None))
        self.id_cardError.setText("")
        self.id_cardError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b", None))
        self.genderCombo.setItemText(0, "")
        self.genderCombo.setItemText(1, QCoreApplication.translate("MemberDialog", u"\u7537", None))
        self.genderCombo.setItemText(2, QCoreApplication.translate("MemberDialog", u"\u5973", None))

        self.genderError.setText("")
        self.genderError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.birth_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u51fa\u751f\u65e5\u671f", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5e74-\u6708-\u65e5\uff0c\u5982 1975-03-08", None))
        self.birth_dateError.setText("")
        self.birth_dateError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6c11\u65cf", None))
        self.ethnicityCombo.setItemText(0, "")
        self.ethnicityCombo.setItemText(1, QCoreApplication.translate("MemberDialog", u"\u6c49\u65cf", None))
        self.ethnicityCombo.setItemText(2, QCoreApplication.translate("MemberDialog", u"\u56de\u65cf", None))
        self.ethnicityCombo.setItemText(3, QCoreApplication.translate("MemberDialog", u"\u6ee1\u65cf", None))
        self.ethnicityCombo.setItemText(4, QCoreApplication.translate("MemberDialog", u"\u8499\u53e4\u65cf", None))
        self.ethnicityCombo.setItemText(5, QCoreApplication.translate("MemberDialog", u"\u58ee\u65cf", None))
        self.ethnicityCombo.setItemText(6, QCoreApplication.translate("MemberDialog", u"\u85cf\u65cf", None))
        self.ethnicityCombo.setItemText(7, QCoreApplication.translate("MemberDialog", u"\u7ef4\u543e\u5c14\u65cf", None))
        self.ethnicityCombo.setItemText(8, QCoreApplication.translate("MemberDialog", u"\u82d7\u65cf", None))
        self.ethnicityCombo.setItemText(9, QCoreApplication.translate("MemberDialog", u"\u5f5d\u65cf", None))
        self.ethnicityCombo.setItemText(10, QCoreApplication.translate("MemberDialog", u"\u571f\u5bb6\u65cf", None))
        self.ethnicityCombo.setItemText(11, QCoreApplication.translate("MemberDialog", u"\u671d\u9c9c\u65cf", None))

        self.ethnicityError.setText("")
        self.ethnicityError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberDialog", u"\u624b\u673a\u53f7\u7801", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"11 \u4f4d\u624b\u673a\u53f7", None))
        self.phoneError.setText("")
        self.phoneError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5b66\u5386", None))
        self.educationCombo.setItemText(0, "")
        self.educationCombo.setItemText(1, QCoreApplication.translate("MemberDialog", u"\u7814\u7a76\u751f", None))
        self.educationCombo.setItemText(2, QCoreApplication.translate("MemberDialog", u"\u5927\u5b66\u672c\u79d1", None))
        self.educationCombo.setItemText(3, QCoreApplication.translate("MemberDialog", u"\u5927\u5b66\u4e13\u79d1", None))
        self.educationCombo.setItemText(4, QCoreApplication.translate("MemberDialog", u"\u4e2d\u4e13", None))
        self.educationCombo.setItemText(5, QCoreApplication.translate("MemberDialog", u"\u9ad8\u4e2d", None))
        self.educationCombo.setItemText(6, QCoreApplication.translate("MemberDialog", u"\u521d\u4e2d", None))
        self.educationCombo.setItemText(7, QCoreApplication.translate("MemberDialog", u"\u5c0f\u5b66\u53ca\u4ee5\u4e0b", None))

        self.educationError.setText("")
        self.educationError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.partyBox.setTitle(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u8eab\u4efd", None))
        self.statusLabel.setText(QCoreApplication.translate("MemberDialog", u"\u4eba\u5458\u7c7b\u522b *", None))
        self.statusCombo.setItemText(0, QCoreApplication.translate("MemberDialog", u"\u6b63\u5f0f\u515a\u5458", None))
        self.statusCombo.setItemText(1, QCoreApplication.translate("MemberDialog", u"\u9884\u5907\u515a\u5458", None))
        self.statusCombo.setItemText(2, QCoreApplication.translate("MemberDialog", u"\u5165\u515a\u79ef\u6781\u5206\u5b50", None))
        self.statusCombo.setItemText(3, QCoreApplication.translate("MemberDialog", u"\u5165\u515a\u7533\u8bf7\u4eba", None))

        self.statusError.setText("")
        self.statusError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.joined_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5165\u515a\u65f6\u95f4", None))
        self.joinedDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5e74-\u6708-\u65e5\uff0c\u5982 1975-03-08", None))
        self.joined_dateError.setText("")
        self.joined_dateError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.confirmed_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u6b63\u65f6\u95f4", None))
        self.confirmedDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5e74-\u6708-\u65e5\uff0c\u5982 1975-03-08", None))
        self.confirmed_dateError.setText("")
        self.confirmed_dateError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.transferred_in_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u5165\u65f6\u95f4", None))
        self.transferredInDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u4ece\u5916\u5355\u4f4d\u8f6c\u5165\u672c\u652f\u90e8\u7684\u65e5\u671f\uff0c\u53ef\u4e0d\u586b", None))
        self.transferred_in_dateError.setText("")
        self.transferred_in_dateError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.groupLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u5c0f\u7ec4", None))
        self.groupError.setText("")
        self.groupError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.mobileLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6d41\u52a8\u515a\u5458", None))
        self.mobileCheck.setText(QCoreApplication.translate("MemberDialog", u"\u662f", None))
        self.mobileWhereEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u6d41\u52a8\u53bb\u5411\uff08\u5730\u70b9\u6216\u5355\u4f4d\uff09", None))
        self.mobileScopeCombo.setItemText(0, QCoreApplication.translate("MemberDialog", u"\u7701\u5185", None))
        self.mobileScopeCombo.setItemText(1, QCoreApplication.translate("MemberDialog", u"\u7701\u5916", None))

        self.mobileError.setText("")
        self.mobileError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.exemptLabel.setText(QCoreApplication.translate("MemberDialog", u"\u514d\u8003", None))
        self.exemptCheck.setText(QCoreApplication.translate("MemberDialog", u"\u662f", None))
        self.exemptDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u6279\u51c6\u65e5\u671f", None))
        self.exemptReasonEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u539f\u56e0\uff0c\u5982\u5e74\u8001\u4f53\u5f31", None))
        self.exemptError.setText("")
        self.exemptError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.leaderLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u9886\u5bfc\u5e72\u90e8", None))
        self.leaderCheck.setText(QCoreApplication.translate("MemberDialog", u"\u662f", None))
        self.leaderError.setText("")
        self.leaderError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.noteLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5907\u6ce8", None))
        self.noteError.setText("")
        self.noteError.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"error", None))
        self.hintLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5e26 * \u7684\u5fc5\u987b\u586b\u5199\uff1b\u65e5\u671f\u53ef\u4ee5\u7559\u7a7a\u3002\u56de\u8f66\u4fdd\u5b58\uff0cEsc \u53d6\u6d88\u3002", None))
        self.hintLabel.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"hint", None))
        self.saveButton.setText(QCoreApplication.translate("MemberDialog", u"\u4fdd\u5b58", None))
        self.saveButton.setProperty(u"role", QCoreApplication.translate("MemberDialog", u"primary", None))
        self.cancelButton.setText(QCoreApplication.translate("MemberDialog", u"\u53d6\u6d88", None))
    # retranslateUi

