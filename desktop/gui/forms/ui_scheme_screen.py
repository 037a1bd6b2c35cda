# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scheme_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTextBrowser, QVBoxLayout)

class Ui_SchemeScreen(object):
    def setupUi(self, SchemeScreen):
        if not SchemeScreen.objectName():
            SchemeScreen.setObjectName(u"SchemeScreen")
        SchemeScreen.resize(1000, 680)
        self.mainLayout = QVBoxLayout(SchemeScreen)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(28, 20, 28, 20)
        self.titleLabel = QLabel(SchemeScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(SchemeScreen)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.yearLabel = QLabel(SchemeScreen)
        self.yearLabel.setObjectName(u"yearLabel")

        self.actionsLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(SchemeScreen)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2026)

        self.actionsLayout.addWidget(self.yearSpin)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.presetButton = QPushButton(SchemeScreen)
        self.presetButton.setObjectName(u"presetButton")

        self.actionsLayout.addWidget(self.presetButton)

        self.editButton = QPushButton(SchemeScreen)
        self.editButton.setObjectName(u"editButton")

        self.actionsLayout.addWidget(self.editButton)

        self.importButton = QPushButton(SchemeScreen)
        self.importButton.setObjectName(u"importButton")

        self.actionsLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(SchemeScreen)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsLayout.addWidget(self.exportButton)

        self.printButton = QPushButton(SchemeScreen)
        self.printButton.setObjectName(u"printButton")

        self.actionsLayout.addWidget(self.printButton)


        self.mainLayout.addLayout(self.actionsLayout)

        self.noticeLabel = QLabel(SchemeScreen)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noticeLabel)

        self.schemeView = QTextBrowser(SchemeScreen)
        self.schemeView.setObjectName(u"schemeView")
        self.schemeView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.schemeView.setOpenLinks(False)

        self.mainLayout.addWidget(self.schemeView)

        self.mainLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SchemeScreen)

        QMetaObject.connectSlotsByName(SchemeScreen)
    # setupUi

    def retranslateUi(self, SchemeScreen):
        self.titleLabel.setText(QCoreApplication.translate("SchemeScreen", u"\u79ef\u5206\u65b9\u6848", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("SchemeScreen", u"title", None))
        self.introLabel.setProperty(u"role", QCoreApplication.translate("SchemeScreen", u"hint", None))
        self.introLabel.setText(QCoreApplication.translate("SchemeScreen", u"\u6bcf\u4e2a\u5e74\u5ea6\u4f7f\u7528\u4e00\u4e2a\u79ef\u5206\u65b9\u6848\uff1a\u5404\u90e8\u5206\u6ee1\u5206\u3001\u52a0\u5206\u6263\u5206\u529e\u6cd5\u3001\u8bc4\u661f\u5b9a\u7ea7\u7684\u5206\u6570\u7ebf\u548c\u540d\u989d\u90fd\u5199\u5728\u65b9\u6848\u91cc\u3002\u5f53\u5e74\u6709\u4e86\u786e\u8ba4\u7684\u79ef\u5206\u7ed3\u679c\u540e\uff0c\u65b9\u6848\u5373\u51bb\u7ed3\uff0c\u4e0d\u80fd\u518d\u66f4\u6362\u6216\u4fee\u6539\u3002", None))
        self.yearLabel.setText(QCoreApplication.translate("SchemeScreen", u"\u5e74\u5ea6", None))
#if QT_CONFIG(tooltip)
        self.yearSpin.setToolTip(QCoreApplication.translate("SchemeScreen", u"\u67e5\u770b\u6216\u8bbe\u7f6e\u54ea\u4e00\u5e74\u7684\u79ef\u5206\u65b9\u6848", None))
#endif // QT_CONFIG(tooltip)
        self.yearSpin.setSuffix(QCoreApplication.translate("SchemeScreen", u" \u5e74", None))
#if QT_CONFIG(tooltip)
        self.presetButton.setToolTip(QCoreApplication.translate("SchemeScreen", u"\u4ece\u7a0b\u5e8f\u81ea\u5e26\u7684\u65b9\u6848\u4e2d\u9009\u4e00\u4e2a\u4f5c\u4e3a\u672c\u5e74\u5ea6\u7684\u65b9\u6848", None))
#endif // QT_CONFIG(tooltip)
        self.presetButton.setText(QCoreApplication.translate("SchemeScreen", u"\u66f4\u6362\u65b9\u6848\u2026", None))
        self.editButton.setProperty(u"role", QCoreApplication.translate("SchemeScreen", u"primary", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("SchemeScreen", u"\u4fee\u6539\u6ee1\u5206\u3001\u6bcf\u6b21\u5206\u503c\u3001\u5206\u6863\u3001\u4e0a\u9650\u3001\u5206\u6570\u7ebf\u548c\u540d\u989d\u6bd4\u4f8b", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("SchemeScreen", u"\u4fee\u6539\u5206\u503c\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("SchemeScreen", u"\u4f7f\u7528\u4e00\u4e2a\u65b9\u6848\u6587\u4ef6\uff08.toml\uff09\u4f5c\u4e3a\u672c\u5e74\u5ea6\u7684\u65b9\u6848\uff0c\u5148\u68c0\u67e5\u518d\u4fdd\u5b58", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("SchemeScreen", u"\u5bfc\u5165\u65b9\u6848\u6587\u4ef6\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("SchemeScreen", u"\u628a\u672c\u5e74\u5ea6\u7684\u65b9\u6848\u4fdd\u5b58\u4e3a\u6587\u4ef6\uff0c\u53ef\u4ee5\u62ff\u5230\u522b\u7684\u7535\u8111\u6216\u4ea4\u7ed9\u4e0a\u7ea7", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("SchemeScreen", u"\u5bfc\u51fa\u65b9\u6848\u6587\u4ef6\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("SchemeScreen", u"\u6253\u5f00 A4 \u6253\u5370\u9884\u89c8\uff0c\u53ef\u76f4\u63a5\u6253\u5370\u6216\u53e6\u5b58\u4e3a PDF\uff0c\u4f9b\u652f\u59d4\u4f1a\u8ba8\u8bba\u6216\u5f20\u8d34\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("SchemeScreen", u"\u6253\u5370\u2026", None))
        self.noticeLabel.setProperty(u"role", QCoreApplication.translate("SchemeScreen", u"notice", None))
        self.noticeLabel.setText("")
        pass
    # retranslateUi

