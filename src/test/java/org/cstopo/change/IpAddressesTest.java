package org.cstopo.change;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.10.1.11", "255.255.255.255", "192.0.2.1", "::", "::1", "2001:db8::12",
        "fe80::1:2:3:4", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128", "1:2:3:4:5:6:7::"})
    void valid(String address) {
        assertTrue(IpAddresses.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.10.1", "10.10.1.256", "10.10.1.1.1", "010.1.1.1", "a.b.c.d", "10.10.1.-1", "1::2::3",
        "2001:db8:::1", "12345::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "impserver2.sip.com", "10.10.1.11 ",
        "::ffff:300.0.0.1", "g::1"})
    void invalid(String address) {
        assertFalse(IpAddresses.isValid(address), address);
    }
}
