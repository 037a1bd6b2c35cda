"""Password protection of a pack's backup and workbook: AES-256-GCM with a key from scrypt.

A sealed file is MAGIC, a random salt and nonce, then the ciphertext with GCM's tag. GCM
authenticates: a wrong password and a changed byte are both found, never decrypted to junk.
`cryptography` is imported only here, and only when a pack is sealed or opened.
"""

from __future__ import annotations

import os

from desktop.book.errors import InputRefused

MAGIC = b"PIONEER-SEALED1\n"  # 16 bytes; also the authenticated data
SEALED_SUFFIX = ".enc"
SALT_BYTES = 16
NONCE_BYTES = 12
# scrypt's cost (RFC 7914's interactive setting): ~50 ms a file on an old PC, while each
# guess costs an attacker the same 16 MiB and time.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class WrongPassword(InputRefused):
    """The password does not open the file (or the file was changed after sealing)."""


def kdf_params() -> dict[str, object]:
    return {"cipher": "AES-256-GCM", "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}


def _key(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        password.encode("utf-8")
    )


def seal(data: bytes, password: str) -> bytes:
    """`data` encrypted under `password`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not password:
        raise InputRefused("密码不能为空。", ["请填写密码，或不加密。"])
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    return MAGIC + salt + nonce + AESGCM(_key(password, salt)).encrypt(nonce, data, MAGIC)


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def unseal(data: bytes, password: str | None, name: str = "文件") -> bytes:
    """The plain bytes of a sealed file; WrongPassword when `password` does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(data):
        raise InputRefused(f"{name} 不是加密文件。")
    if not password:
        raise WrongPassword(
            f"{name} 已加密，需要密码才能打开。", ["请向报送的支部索取密码后再试（--password）。"]
        )
    start = len(MAGIC)
    salt = data[start : start + SALT_BYTES]
    nonce = data[start + SALT_BYTES : start + SALT_BYTES + NONCE_BYTES]
    body = data[start + SALT_BYTES + NONCE_BYTES :]
    try:
        return AESGCM(_key(password, salt)).decrypt(nonce, body, MAGIC)
    except InvalidTag:
        raise WrongPassword(
            f"密码不对，打不开 {name}。", ["请核对密码（区分大小写）后再试。"]
        ) from None
