//! A municipality's look on its installation: its colour, and the links its footer must carry.
//! Parsed once from configuration; a colour that white text cannot be read on is refused, since
//! the header and the buttons print white on it (WCAG 2.1 AA asks 4.5:1).

/// A colour as `#rrggbb`, dark enough for white text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrandColour {
    rgb: [u8; 3],
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BrandError {
    #[error("a colour is written #rrggbb, e.g. #0b4f8a (got {0:?})")]
    Colour(String),
    #[error(
        "white text on {colour} has a contrast of {ratio:.1}:1; at least 4.5:1 is needed (choose a darker colour)"
    )]
    Contrast { colour: String, ratio: f64 },
    #[error("a footer link is written Label=https://… and links are separated by | (got {0:?})")]
    Link(String),
}

/// The least contrast of normal text against its background (WCAG 2.1, 1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

impl BrandColour {
    pub fn parse(input: &str) -> Result<BrandColour, BrandError> {
        let text = input.trim();
        let hex = text
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))
            .ok_or_else(|| BrandError::Colour(text.to_string()))?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        let colour = BrandColour {
            rgb: [byte(0), byte(2), byte(4)],
        };
        let ratio = colour.contrast_with_white();
        if ratio < MIN_CONTRAST {
            return Err(BrandError::Contrast {
                colour: colour.hex(),
                ratio,
            });
        }
        Ok(colour)
    }

    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.rgb[0], self.rgb[1], self.rgb[2])
    }

    /// The colour a quarter darker, for hover and pressed states.
    pub fn darker(&self) -> BrandColour {
        BrandColour {
            rgb: self.rgb.map(|c| (u16::from(c) * 3 / 4) as u8),
        }
    }

    /// WCAG's contrast ratio of white on this colour.
    pub fn contrast_with_white(&self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * channel(self.rgb[0])
            + 0.7152 * channel(self.rgb[1])
            + 0.0722 * channel(self.rgb[2]);
        1.05 / (l + 0.05)
    }
}

/// A link in the footer: an accessibility statement, a privacy policy, the municipality's site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterLink {
    pub label: String,
    pub href: String,
}

/// `Label=https://…|Other=/path` into links; a link must be http(s) or a path on the site.
pub fn parse_links(input: &str) -> Result<Vec<FooterLink>, BrandError> {
    input
        .split('|')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (label, href) = part
                .split_once('=')
                .map(|(l, h)| (l.trim(), h.trim()))
                .filter(|(l, h)| {
                    !l.is_empty()
                        && !h.chars().any(char::is_whitespace)
                        && (h.starts_with("https://")
                            || h.starts_with("http://")
                            || (h.starts_with('/') && !h.starts_with("//")))
                })
                .ok_or_else(|| BrandError::Link(part.to_string()))?;
            Ok(FooterLink {
                label: label.to_string(),
                href: href.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_colours_pass_and_light_ones_are_refused() {
        let blue = BrandColour::parse("#0B4F8A").unwrap();
        assert_eq!(blue.hex(), "#0b4f8a");
        assert!(blue.contrast_with_white() > 8.0);
        assert_eq!(blue.darker().hex(), "#083b67");
        assert!(matches!(
            BrandColour::parse("#ffcc00"),
            Err(BrandError::Contrast { .. })
        ));
        // Roskilde's red is dark enough; a mid grey is not.
        assert!(BrandColour::parse("#c8102e").is_ok());
        assert!(BrandColour::parse("#999999").is_err());
        for bad in ["0b4f8a", "#0b4f8", "#0b4f8g", "blue", ""] {
            assert!(
                matches!(BrandColour::parse(bad), Err(BrandError::Colour(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn white_on_black_is_the_most_contrast_there_is() {
        let black = BrandColour::parse("#000000").unwrap();
        assert!((black.contrast_with_white() - 21.0).abs() < 1e-9);
    }

    #[test]
    fn links_need_a_label_and_a_safe_address() {
        let links = parse_links(
            "Tilgængelighedserklæring=https://was.digst.dk/roskilde-dk | Privatliv=/privatliv",
        )
        .unwrap();
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].label, "Tilgængelighedserklæring");
        assert_eq!(links[1].href, "/privatliv");
        assert!(parse_links("").unwrap().is_empty());
        for bad in [
            "Farlig=javascript:alert(1)",
            "=https://x.dk",
            "Uden adresse",
            "Net=//evil.example",
            "Mellemrum=https://x.dk/a b",
        ] {
            assert!(parse_links(bad).is_err(), "{bad}");
        }
    }
}
