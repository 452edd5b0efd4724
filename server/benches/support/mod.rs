//! What the plain benchmark programs share: the size each is asked to run at.

/// The first number among the program's arguments (`cargo bench -p server --bench notat --
/// 20000`), else `default`.
pub fn size_from_args(default: usize) -> usize {
    std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(default)
}
