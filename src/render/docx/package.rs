//! The zip package: every part deflated, in a fixed order, with the fixed 1980-01-01 time
//! stamp, so the same document gives the same bytes. Deflate level 2: against the default
//! level 6 it takes a sixth off a large build's CPU time for files about a third larger
//! (6 × 2,000 proposals: 2.95 → 2.45 s user, 4.3 → 5.9 MB a report).

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Zips `(path, content)` parts in the given order.
pub fn zip(parts: &[(&str, &[u8])]) -> std::io::Result<Vec<u8>> {
    let size: usize = parts.iter().map(|(_, b)| b.len()).sum();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(size / 4 + 1024)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(2))
        .last_modified_time(zip::DateTime::default());
    for (path, bytes) in parts {
        writer
            .start_file(*path, options)
            .map_err(std::io::Error::other)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish().map_err(std::io::Error::other)?.into_inner())
}
