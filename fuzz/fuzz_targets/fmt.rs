//! `dx fmt` on arbitrary bytes as each kind of record: never panics, and
//! formatting what it formatted changes nothing (idempotence), whatever the
//! input's comments, encoding marks and line ends.

#![no_main]

use dx::format::format_bytes;
use dx::model::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for kind in Kind::ALL {
        if let Some(once) = format_bytes(data, kind) {
            let twice = format_bytes(&once, kind).expect("formatted output parses");
            assert_eq!(
                String::from_utf8_lossy(&twice),
                String::from_utf8_lossy(&once),
                "fmt is idempotent"
            );
        }
    }
});
