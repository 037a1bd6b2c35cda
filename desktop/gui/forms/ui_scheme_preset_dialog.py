# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scheme_preset_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QListWidget, QSplitter,
    QTextBrowser, QVBoxLayout)

class Ui_SchemePresetDialog(object):
    def setupUi(self, SchemePresetDialog):
        if not SchemePresetDialog.objectName():
            SchemePresetDialog.setObjectName(u"SchemePresetDialog")
        SchemePresetDialog.resize(1040, 640)
        self.dialogLayout = QVBoxLayout(SchemePresetDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SchemePresetDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.splitter = QSplitter(SchemePresetDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.presetList = QListWidget(self.splitter)
        self.presetList.setObjectName(u"presetList")
        self.presetList.setMinimumSize(QSize(280, 0))
        self.presetList.setWordWrap(True)
        self.presetList.setSpacing(2)
        self.presetList.setStyleSheet(u"QListWidget::item { padding: 6px 4px; border-bottom: 1px solid #ece4dc; } QListWidget::item:selected { background: #b3261e; color: white; }")
        self.splitter.addWidget(self.presetList)
        self.previewView = QTextBrowser(self.splitter)
        self.previewView.setObjectName(u"previewView")
        self.previewView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.previewView.setOpenLinks(False)
        self.splitter.addWidget(self.previewView)

        self.dialogLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(SchemePresetDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(SchemePresetDialog)

        QMetaObject.connectSlotsByName(SchemePresetDialog)
    # setupUi

    def retranslateUi(self, SchemePresetDialog):
        SchemePresetDialog.setWindowTitle(QCoreApplication.translate("SchemePresetDialog", u"\u66f4\u6362\u79ef\u5206\u65b9\u6848", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("SchemePresetDialog", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("SchemePresetDialog", u"\u5de6\u8fb9\u662f\u7a0b\u5e8f\u81ea\u5e26\u7684\u65b9\u6848\uff0c\u6bcf\u4e2a\u90fd\u4f9d\u7167\u4e00\u4efd\u771f\u5b9e\u7684\u5b9e\u65bd\u65b9\u6848\u7f16\u5199\u3002\u9009\u4e2d\u4e00\u4e2a\uff0c\u53f3\u8fb9\u663e\u793a\u5b83\u7684\u5185\u5bb9\u3002", None))
    # retranslateUi

