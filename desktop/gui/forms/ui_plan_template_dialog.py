# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_template_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QVBoxLayout)

class Ui_PlanTemplateDialog(object):
    def setupUi(self, PlanTemplateDialog):
        if not PlanTemplateDialog.objectName():
            PlanTemplateDialog.setObjectName(u"PlanTemplateDialog")
        PlanTemplateDialog.resize(860, 520)
        PlanTemplateDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(PlanTemplateDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(PlanTemplateDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.table = QTableWidget(PlanTemplateDialog)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.table)

        self.errorLabel = QLabel(PlanTemplateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.addButton = QPushButton(PlanTemplateDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonsRow.addWidget(self.addButton)

        self.removeButton = QPushButton(PlanTemplateDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsRow.addWidget(self.removeButton)

        self.resetButton = QPushButton(PlanTemplateDialog)
        self.resetButton.setObjectName(u"resetButton")

        self.buttonsRow.addWidget(self.resetButton)

        self.buttonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.buttonBox = QDialogButtonBox(PlanTemplateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonsRow.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsRow)


        self.retranslateUi(PlanTemplateDialog)

        QMetaObject.connectSlotsByName(PlanTemplateDialog)
    # setupUi

    def retranslateUi(self, PlanTemplateDialog):
        PlanTemplateDialog.setWindowTitle(QCoreApplication.translate("PlanTemplateDialog", u"\u5e74\u5ea6\u6d3b\u52a8\u6a21\u677f", None))
        self.hintLabel.setProperty(u"role", QCoreApplication.translate("PlanTemplateDialog", u"hint", None))
        self.hintLabel.setText(QCoreApplication.translate("PlanTemplateDialog", u"\u6bcf\u884c\u662f\u4e00\u9879\u56fa\u5b9a\u6d3b\u52a8\u3002\u201c\u6708\u4efd\u201d\uff1a\u6bcf\u5e74\u4e00\u6b21\u7684\u6d3b\u52a8\u586b\u51e0\u6708\uff081\u201312\uff09\uff0c\u6bcf\u5b63\u5ea6\u4e00\u6b21\u7684\u6d3b\u52a8\u586b\u5b63\u5ea6\u4e2d\u7684\u7b2c\u51e0\u4e2a\u6708\uff081\u20133\uff09\uff0c\u6bcf\u6708\u7684\u6d3b\u52a8\u4e0d\u7528\u586b\u3002\u4fdd\u5b58\u540e\uff0c\u70b9\u201c\u6309\u6a21\u677f\u91cd\u65b0\u751f\u6210\u201d\u66f4\u65b0\u672c\u5e74\u8ba1\u5212\uff08\u5df2\u5b8c\u6210\u7684\u4e0d\u53d8\uff09\u3002", None))
        self.errorLabel.setProperty(u"role", QCoreApplication.translate("PlanTemplateDialog", u"error", None))
        self.errorLabel.setText("")
        self.addButton.setText(QCoreApplication.translate("PlanTemplateDialog", u"\u6dfb\u52a0\u4e00\u884c", None))
        self.removeButton.setText(QCoreApplication.translate("PlanTemplateDialog", u"\u5220\u9664\u9009\u4e2d\u884c", None))
#if QT_CONFIG(tooltip)
        self.resetButton.setToolTip(QCoreApplication.translate("PlanTemplateDialog", u"\u6062\u590d\u4e3a\u7a0b\u5e8f\u9884\u8bbe\u7684\u6a21\u677f\uff08\u672a\u4fdd\u5b58\u524d\u53ef\u53d6\u6d88\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.resetButton.setText(QCoreApplication.translate("PlanTemplateDialog", u"\u6062\u590d\u9ed8\u8ba4", None))
    # retranslateUi

