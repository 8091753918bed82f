//! ISO 3166-1 alpha-2 country codes and the country groups the name rules need. No lints here.

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted (binary-searched).
/// User-assigned codes (AA, QM–QZ, XA–XZ, ZZ) and reserved codes (e.g. EU, UK, EL) are not in it.
pub(crate) static ISO3166_ALPHA2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code (exact, upper case).
pub(crate) fn is_assigned(code: &str) -> bool {
    ISO3166_ALPHA2.binary_search(&code).is_ok()
}

/// Member states of the European Union and the other EEA states (IS, LI, NO), by ISO code:
/// where the European Unique Identifier (EUID) of the business registers interconnection
/// system exists (SBR 7.1.4.2.2(d) Note 3).
pub(crate) static EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
    "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
];

pub(crate) fn is_eu_eea(code: &str) -> bool {
    EU_EEA.binary_search(&code).is_ok()
}

/// VAT prefixes of EU Council Directive 2006/112/EC Art. 215 that differ from the ISO code, with
/// the ISO 3166-1 code they stand for: EL (Greece) and XI (Northern Ireland, under the
/// Withdrawal Agreement's Protocol).
pub(crate) fn vat_prefix_country(prefix: &str) -> Option<&'static str> {
    match prefix {
        "EL" => Some("GR"),
        "XI" => Some("GB"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_well_formed() {
        for table in [&ISO3166_ALPHA2[..], &EU_EEA[..]] {
            assert!(
                table.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
            assert!(table
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        }
        assert!(EU_EEA.iter().all(|c| is_assigned(c)));
        for code in ["GB", "US", "DE", "JP", "SS", "BQ", "CW", "SX", "XK"] {
            assert_eq!(is_assigned(code), code != "XK", "{code}");
        }
        for code in ["XX", "XG", "EU", "UK", "EL", "ZZ", "us", "AN", "YU", "CS"] {
            assert!(!is_assigned(code), "{code}");
        }
    }
}
