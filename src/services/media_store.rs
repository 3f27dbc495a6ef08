//! Where pictures are kept, behind one interface (`object_store`): a folder on this machine by default
//! (`UPLOAD_DIR`), or S3-compatible object storage (`MEDIA_STORE=s3`) so that several instances share them.
//! Keys are flat names (`services::images::key`); a write is whole or absent (the file system store writes a
//! temporary file and renames it; S3 puts are atomic).

use std::sync::Arc;

use futures_util::TryStreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::config::MediaStoreConfig;

#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "media store: {}", self.0)
    }
}

impl From<object_store::Error> for StoreError {
    fn from(e: object_store::Error) -> Self {
        StoreError(e.to_string())
    }
}

#[derive(Clone)]
pub struct MediaStore {
    inner: Arc<dyn ObjectStore>,
}

impl MediaStore {
    pub fn open(config: &MediaStoreConfig) -> Result<MediaStore, StoreError> {
        let inner: Arc<dyn ObjectStore> = match config {
            MediaStoreConfig::Files(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| StoreError(format!("{}: {e}", dir.display())))?;
                Arc::new(object_store::local::LocalFileSystem::new_with_prefix(dir)?)
            }
            MediaStoreConfig::S3 { bucket, region, endpoint, access_key_id, secret_access_key } => {
                let mut builder = object_store::aws::AmazonS3Builder::new()
                    .with_bucket_name(bucket)
                    .with_region(region)
                    .with_access_key_id(access_key_id)
                    .with_secret_access_key(secret_access_key);
                if let Some(endpoint) = endpoint {
                    // A self-hosted or local S3 (MinIO, moto): path-style URLs, plain HTTP allowed on it.
                    builder = builder
                        .with_endpoint(endpoint)
                        .with_virtual_hosted_style_request(false)
                        .with_allow_http(endpoint.starts_with("http://"));
                }
                Arc::new(builder.build()?)
            }
        };
        Ok(MediaStore { inner })
    }

    fn path(key: &str) -> Result<Path, StoreError> {
        // Keys are made by us, but a key from a URL must stay one flat name.
        if key.is_empty()
            || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            || key.starts_with('.')
        {
            return Err(StoreError(format!("not a media key: {key:?}")));
        }
        Ok(Path::from(key))
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), StoreError> {
        self.inner.put(&Self::path(key)?, PutPayload::from(bytes)).await?;
        Ok(())
    }

    /// The file under `key`, if there is one.
    pub async fn get(&self, key: &str) -> Result<Option<bytes::Bytes>, StoreError> {
        match self.inner.get(&Self::path(key)?).await {
            Ok(found) => Ok(Some(found.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes the file under `key`; a missing one is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        match self.inner.delete(&Self::path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Every key in the store with when it was written (the orphan sweep).
    pub async fn keys(&self) -> Result<Vec<(String, chrono::DateTime<chrono::Utc>)>, StoreError> {
        let listed: Vec<object_store::ObjectMeta> = self.inner.list(None).try_collect().await?;
        Ok(listed.into_iter().map(|m| (m.location.to_string(), m.last_modified)).collect())
    }
}
