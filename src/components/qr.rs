//! QR codes for printed slips (the visitor pass, the 派工单): the `qrcode` crate, as SVG.

/// An SVG QR code of `text`.
pub fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(150, 150)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}
