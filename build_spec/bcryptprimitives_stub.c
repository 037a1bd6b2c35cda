/* Test-only stand-in for Windows' system bcryptprimitives.dll, which Wine 8 does not provide
   (Wine 9 does). cryptography's _rust.pyd (Rust 1.78+ std) imports ProcessPrng from it for
   random bytes, so without it `import cryptography` fails under Wine with "DLL load failed
   while importing _rust". This one fills the buffer from RtlGenRandom (advapi32's
   SystemFunction036), which Wine 8 has. Windows 8 and later ship the real DLL; like
   icuuc_stub.c this goes into a Wine prefix's system32 only and must never be bundled. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
