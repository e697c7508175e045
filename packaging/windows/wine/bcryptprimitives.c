/*
 * For the wine smoke test only (packaging/release-test.sh); never shipped.
 *
 * Go's Windows runtime (Go 1.24 and later) draws its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 and 11 has. Wine 8 (Debian 12's wine64)
 * has no bcryptprimitives.dll at all, so a Go program dies at start under it. This
 * stand-in, put beside the .exe in the test's folder, gives ProcessPrng from the
 * system's own random generator (RtlGenRandom, advapi32's SystemFunction036), which
 * wine 8 has. Built with x86_64-w64-mingw32-gcc -shared.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
