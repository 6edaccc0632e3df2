package org.cstopo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    @Test
    void canonicalFormsCompareEqual() {
        assertEquals("10.0.0.1", IpAddress.canonical("10.0.0.1"));
        assertEquals("10.0.0.0", IpAddress.canonical("10.0.0.0"));
        assertEquals("fe80:0:0:0:0:0:0:1", IpAddress.canonical("FE80::1"));
        assertEquals("fe80:0:0:0:0:0:0:1", IpAddress.canonical("fe80:0000:0:0:0:0:0:0001"));
        assertEquals("0:0:0:0:0:ffff:a00:1", IpAddress.canonical("::ffff:10.0.0.1"));
        assertEquals("fe80:0:0:0:0:0:0:1%12", IpAddress.canonical("fe80::1%12"));
        assertEquals("2001:db8:0:0:0:0:0:0", IpAddress.canonical("2001:db8::"));
    }

    @Test
    void unspecifiedAddresses() {
        assertTrue(IpAddress.isUnspecified(IpAddress.canonical("0.0.0.0")));
        assertTrue(IpAddress.isUnspecified(IpAddress.canonical("::")));
        assertFalse(IpAddress.isUnspecified(IpAddress.canonical("10.0.0.1")));
        assertFalse(IpAddress.isUnspecified(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.1", "10.0.0.256", "10.0.0.-1", "10..0.1", "a.b.c.d", "1234.0.0.1",
        "10.0.0.1 ", "10.0.0.01", "010.0.0.1", "server.contoso.com", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1",
        "1:2:3:4:5:6:7::8", "::10.0.0.256", "fe80::1%", "fe80::1%a b", "\u0661.0.0.1", ":1:2:3:4:5:6:7"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertNull(IpAddress.canonical(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.10.1.11", "255.255.255.255", "192.0.2.1", "::", "::1", "2001:db8::12",
        "fe80::1:2:3:4", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128", "1:2:3:4:5:6:7::"})
    void validAddresses(String address) {
        assertTrue(IpAddress.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.10.1", "10.10.1.256", "10.10.1.1.1", "010.1.1.1", "a.b.c.d", "10.10.1.-1", "1::2::3",
        "2001:db8:::1", "12345::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "impserver2.sip.com", "10.10.1.11 ",
        "::ffff:300.0.0.1", "g::1"})
    void invalidAddresses(String address) {
        assertFalse(IpAddress.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.92.13", "127.0.0.1", "169.254.1.1", "100.64.0.1",
        "100.127.255.255", "::1", "fd00::1", "FC12::5", "fe80::1%12", "::ffff:10.1.2.3"})
    void nonPublicAddresses(String address) {
        assertTrue(IpAddress.isNonPublic(IpAddress.canonical(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0.1", "1.1.1.1", "203.0.113.10", "198.18.0.1", "172.15.0.1", "172.32.0.1", "100.63.0.1",
        "100.128.0.1", "192.169.0.1", "0.0.0.0", "::", "2001:db8::12", "fec0::1", "::ffff:192.0.2.128"})
    void publicOrUnspecifiedAddresses(String address) {
        assertFalse(IpAddress.isNonPublic(IpAddress.canonical(address)), address);
    }
}
