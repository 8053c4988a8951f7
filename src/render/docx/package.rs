//! The zip package: every part deflated, in a fixed order, with the fixed 1980-01-01 time
//! stamp, so the same document gives the same bytes.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Zips `(path, content)` parts in the given order.
pub fn zip(parts: &[(&str, &[u8])]) -> std::io::Result<Vec<u8>> {
    let size: usize = parts.iter().map(|(_, b)| b.len()).sum();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(size / 4 + 1024)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (path, bytes) in parts {
        writer
            .start_file(*path, options)
            .map_err(std::io::Error::other)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish().map_err(std::io::Error::other)?.into_inner())
}
