"""Pioneer Index (先锋指数): point-based appraisal of party members for one branch."""

__version__ = "0.1.0"
APP_NAME = "先锋指数"
APP_ID = "PioneerIndex"
