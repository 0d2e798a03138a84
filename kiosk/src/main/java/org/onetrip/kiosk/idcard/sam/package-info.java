/**
 * The second-generation ID card reader's SAM serial protocol, as pure code: bytes in, values out,
 * no I/O and no threads, so every class here is tested byte for byte and fuzzed.
 *
 * <p>Facts come from {@code shared/reference/idcard-sam-protocol.md} (public SDK wrappers and
 * open-source drivers, not a vendor manual). Where a fact was checked or corrected, the class that
 * uses it says so.
 */
package org.onetrip.kiosk.idcard.sam;
