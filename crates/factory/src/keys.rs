//! Deterministic test keys and real signatures for every key and signature
//! algorithm the CA/B Forum S/MIME Baseline Requirements allow.
//!
//! Keys are derived from `(KeyAlg, seed)` through a ChaCha20 stream, so the same
//! pair gives the same key on every run and machine (as long as the crypto
//! crates keep their key-generation algorithms; `recorded_spki_hashes` notices
//! when they do not).

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use ml_kem::KeyExport;
use p256::ecdsa::DerSignature as P256Sig;
use p256::elliptic_curve::Generate;
use p384::ecdsa::DerSignature as P384Sig;
use p521::ecdsa::DerSignature as P521Sig;
use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use rsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use rsa::signature::{Keypair, SignatureEncoding, Signer, Verifier};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BoxedUint, Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256, Sha384, Sha512};

/// `hex!("3005...")` is a `&'static [u8]` decoded at compile time.
macro_rules! hex {
    ($s:literal) => {{
        const BYTES: [u8; $s.len() / 2] = smimelint_cert::der_text::hex_array($s);
        &BYTES
    }};
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyAlg {
    Rsa2048,
    Rsa3072,
    Rsa4096,
    P256,
    P384,
    P521,
    Ed25519,
    Ed448,
    MlDsa44,
    MlDsa65,
    MlDsa87,
    MlKem512,
    MlKem768,
    MlKem1024,
}

impl KeyAlg {
    pub const ALL: [KeyAlg; 14] = [
        KeyAlg::Rsa2048,
        KeyAlg::Rsa3072,
        KeyAlg::Rsa4096,
        KeyAlg::P256,
        KeyAlg::P384,
        KeyAlg::P521,
        KeyAlg::Ed25519,
        KeyAlg::Ed448,
        KeyAlg::MlDsa44,
        KeyAlg::MlDsa65,
        KeyAlg::MlDsa87,
        KeyAlg::MlKem512,
        KeyAlg::MlKem768,
        KeyAlg::MlKem1024,
    ];

    pub fn name(self) -> &'static str {
        match self {
            KeyAlg::Rsa2048 => "rsa2048",
            KeyAlg::Rsa3072 => "rsa3072",
            KeyAlg::Rsa4096 => "rsa4096",
            KeyAlg::P256 => "p256",
            KeyAlg::P384 => "p384",
            KeyAlg::P521 => "p521",
            KeyAlg::Ed25519 => "ed25519",
            KeyAlg::Ed448 => "ed448",
            KeyAlg::MlDsa44 => "mldsa44",
            KeyAlg::MlDsa65 => "mldsa65",
            KeyAlg::MlDsa87 => "mldsa87",
            KeyAlg::MlKem512 => "mlkem512",
            KeyAlg::MlKem768 => "mlkem768",
            KeyAlg::MlKem1024 => "mlkem1024",
        }
    }

    /// DER AlgorithmIdentifier used inside the SubjectPublicKeyInfo.
    fn spki_alg_der(self) -> &'static [u8] {
        match self {
            KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096 => {
                hex!("300d06092a864886f70d0101010500")
            }
            KeyAlg::P256 => hex!("301306072a8648ce3d020106082a8648ce3d030107"),
            KeyAlg::P384 => hex!("301006072a8648ce3d020106052b81040022"),
            KeyAlg::P521 => hex!("301006072a8648ce3d020106052b81040023"),
            KeyAlg::Ed25519 => SigAlg::Ed25519.der(),
            KeyAlg::Ed448 => SigAlg::Ed448.der(),
            KeyAlg::MlDsa44 => SigAlg::MlDsa44.der(),
            KeyAlg::MlDsa65 => SigAlg::MlDsa65.der(),
            KeyAlg::MlDsa87 => SigAlg::MlDsa87.der(),
            KeyAlg::MlKem512 => hex!("300b0609608648016503040401"),
            KeyAlg::MlKem768 => hex!("300b0609608648016503040402"),
            KeyAlg::MlKem1024 => hex!("300b0609608648016503040403"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SigAlg {
    RsaPkcs1Sha256,
    RsaPkcs1Sha384,
    RsaPkcs1Sha512,
    RsaPssSha256,
    RsaPssSha384,
    RsaPssSha512,
    EcdsaSha256,
    EcdsaSha384,
    EcdsaSha512,
    Ed25519,
    Ed448,
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

impl SigAlg {
    /// Exact DER of the AlgorithmIdentifier (RSA-PSS with explicit hash, MGF1 and salt length).
    pub fn der(self) -> &'static [u8] {
        match self {
            SigAlg::RsaPkcs1Sha256 => hex!("300d06092a864886f70d01010b0500"),
            SigAlg::RsaPkcs1Sha384 => hex!("300d06092a864886f70d01010c0500"),
            SigAlg::RsaPkcs1Sha512 => hex!("300d06092a864886f70d01010d0500"),
            SigAlg::RsaPssSha256 => hex!(
                "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120"
            ),
            SigAlg::RsaPssSha384 => hex!(
                "304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130"
            ),
            SigAlg::RsaPssSha512 => hex!(
                "304106092a864886f70d01010a3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140"
            ),
            SigAlg::EcdsaSha256 => hex!("300a06082a8648ce3d040302"),
            SigAlg::EcdsaSha384 => hex!("300a06082a8648ce3d040303"),
            SigAlg::EcdsaSha512 => hex!("300a06082a8648ce3d040304"),
            SigAlg::Ed25519 => hex!("300506032b6570"),
            SigAlg::Ed448 => hex!("300506032b6571"),
            SigAlg::MlDsa44 => hex!("300b0609608648016503040311"),
            SigAlg::MlDsa65 => hex!("300b0609608648016503040312"),
            SigAlg::MlDsa87 => hex!("300b0609608648016503040313"),
        }
    }

    /// SHA-2 digest of `msg` for the hash this RSA/ECDSA algorithm names.
    fn prehash(self, msg: &[u8]) -> Vec<u8> {
        match self {
            SigAlg::RsaPkcs1Sha384 | SigAlg::RsaPssSha384 | SigAlg::EcdsaSha384 => {
                Sha384::digest(msg).to_vec()
            }
            SigAlg::RsaPkcs1Sha512 | SigAlg::RsaPssSha512 | SigAlg::EcdsaSha512 => {
                Sha512::digest(msg).to_vec()
            }
            _ => Sha256::digest(msg).to_vec(),
        }
    }

    fn is_ecdsa(self) -> bool {
        matches!(
            self,
            SigAlg::EcdsaSha256 | SigAlg::EcdsaSha384 | SigAlg::EcdsaSha512
        )
    }

    /// Output bits of the SHA-2 hash an RSA or ECDSA algorithm signs; None for EdDSA and
    /// ML-DSA, which sign the whole message.
    pub fn prehash_bits(self) -> Option<u16> {
        match self {
            SigAlg::RsaPkcs1Sha256 | SigAlg::RsaPssSha256 | SigAlg::EcdsaSha256 => Some(256),
            SigAlg::RsaPkcs1Sha384 | SigAlg::RsaPssSha384 | SigAlg::EcdsaSha384 => Some(384),
            SigAlg::RsaPkcs1Sha512 | SigAlg::RsaPssSha512 | SigAlg::EcdsaSha512 => Some(512),
            _ => None,
        }
    }
}

/// Private half. ML-KEM keeps none: the factory only ever needs its public key.
enum Secret {
    Rsa(Box<RsaPrivateKey>),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    Ed25519(ed25519_dalek::SigningKey),
    Ed448(Box<ed448_goldilocks::SigningKey>),
    MlDsa44(Box<ml_dsa::SigningKey<ml_dsa::MlDsa44>>),
    MlDsa65(Box<ml_dsa::SigningKey<ml_dsa::MlDsa65>>),
    MlDsa87(Box<ml_dsa::SigningKey<ml_dsa::MlDsa87>>),
    None,
}

pub struct KeyPair {
    alg: KeyAlg,
    /// Content of the subjectPublicKey BIT STRING.
    public: Vec<u8>,
    secret: Secret,
}

impl KeyPair {
    /// Deterministic and cached per process: RSA-4096 keygen takes seconds.
    pub fn get(alg: KeyAlg, seed: u64) -> &'static KeyPair {
        type Cells = BTreeMap<(KeyAlg, u64), &'static OnceLock<KeyPair>>;
        static CACHE: Mutex<Cells> = Mutex::new(BTreeMap::new());
        // Only the cell lookup holds the lock, so different keys generate in parallel.
        let cell = *CACHE
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((alg, seed))
            .or_insert_with(|| Box::leak(Box::default()));
        cell.get_or_init(|| KeyPair::generate(alg, seed))
    }

    fn generate(alg: KeyAlg, seed: u64) -> KeyPair {
        let mut h = Sha256::new();
        h.update(b"smimelint test key v1\0");
        h.update(alg.name().as_bytes());
        h.update(seed.to_be_bytes());
        let mut rng = ChaCha20Rng::from_seed(h.finalize().into());

        let (public, secret) = match alg {
            KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096 => {
                let bits = match alg {
                    KeyAlg::Rsa2048 => 2048,
                    KeyAlg::Rsa3072 => 3072,
                    _ => 4096,
                };
                let key = RsaPrivateKey::new(&mut rng, bits).expect("RSA keygen");
                let body = [der_uint(&key.n_bytes()), der_uint(&key.e_bytes())].concat();
                (der_tlv(0x30, &body), Secret::Rsa(Box::new(key)))
            }
            KeyAlg::P256 => {
                let key = p256::ecdsa::SigningKey::generate_from_rng(&mut rng);
                let public = key.verifying_key().to_sec1_point(false).as_bytes().to_vec();
                (public, Secret::P256(key))
            }
            KeyAlg::P384 => {
                let key = p384::ecdsa::SigningKey::generate_from_rng(&mut rng);
                let public = key.verifying_key().to_sec1_point(false).as_bytes().to_vec();
                (public, Secret::P384(key))
            }
            KeyAlg::P521 => {
                let key = p521::ecdsa::SigningKey::generate_from_rng(&mut rng);
                let public = key.verifying_key().to_sec1_point(false).as_bytes().to_vec();
                (public, Secret::P521(key))
            }
            KeyAlg::Ed25519 => {
                let key = ed25519_dalek::SigningKey::from_bytes(&random_bytes(&mut rng));
                (
                    key.verifying_key().to_bytes().to_vec(),
                    Secret::Ed25519(key),
                )
            }
            KeyAlg::Ed448 => {
                let bytes: [u8; 57] = random_bytes(&mut rng);
                let key = ed448_goldilocks::SigningKey::try_from(&bytes[..]).expect("57 bytes");
                let public = key.verifying_key().to_bytes().to_vec();
                (public, Secret::Ed448(Box::new(key)))
            }
            KeyAlg::MlDsa44 => {
                let (public, key) = ml_dsa_key(&mut rng);
                (public, Secret::MlDsa44(key))
            }
            KeyAlg::MlDsa65 => {
                let (public, key) = ml_dsa_key(&mut rng);
                (public, Secret::MlDsa65(key))
            }
            KeyAlg::MlDsa87 => {
                let (public, key) = ml_dsa_key(&mut rng);
                (public, Secret::MlDsa87(key))
            }
            // ml-kem does not export its parameter trait, hence no generic helper.
            KeyAlg::MlKem512 => {
                let key = ml_kem::DecapsulationKey512::from_seed(random_bytes(&mut rng).into());
                (key.encapsulation_key().to_bytes().to_vec(), Secret::None)
            }
            KeyAlg::MlKem768 => {
                let key = ml_kem::DecapsulationKey768::from_seed(random_bytes(&mut rng).into());
                (key.encapsulation_key().to_bytes().to_vec(), Secret::None)
            }
            KeyAlg::MlKem1024 => {
                let key = ml_kem::DecapsulationKey1024::from_seed(random_bytes(&mut rng).into());
                (key.encapsulation_key().to_bytes().to_vec(), Secret::None)
            }
        };
        KeyPair {
            alg,
            public,
            secret,
        }
    }

    pub fn alg(&self) -> KeyAlg {
        self.alg
    }

    /// SEQUENCE { AlgorithmIdentifier, BIT STRING { 0 unused bits, key } }.
    pub fn spki_der(&self) -> Vec<u8> {
        let bits = [&[0u8][..], &self.public].concat();
        let body = [self.alg.spki_alg_der(), &der_tlv(0x03, &bits)].concat();
        der_tlv(0x30, &body)
    }

    pub fn public_key_bytes(&self) -> Vec<u8> {
        self.public.clone()
    }

    pub fn can_sign(&self) -> bool {
        !matches!(self.secret, Secret::None)
    }

    pub fn default_sig_alg(&self) -> Option<SigAlg> {
        Some(match self.alg {
            KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096 => SigAlg::RsaPkcs1Sha256,
            KeyAlg::P256 => SigAlg::EcdsaSha256,
            KeyAlg::P384 => SigAlg::EcdsaSha384,
            KeyAlg::P521 => SigAlg::EcdsaSha512,
            KeyAlg::Ed25519 => SigAlg::Ed25519,
            KeyAlg::Ed448 => SigAlg::Ed448,
            KeyAlg::MlDsa44 => SigAlg::MlDsa44,
            KeyAlg::MlDsa65 => SigAlg::MlDsa65,
            KeyAlg::MlDsa87 => SigAlg::MlDsa87,
            KeyAlg::MlKem512 | KeyAlg::MlKem768 | KeyAlg::MlKem1024 => return None,
        })
    }

    /// Any ECDSA hash is accepted with any curve (and any RSA scheme with any RSA
    /// key) so the factory can build SBR-violating pairings for negative lint tests.
    pub fn sign(&self, alg: SigAlg, msg: &[u8]) -> Result<Vec<u8>, String> {
        let h = &alg.prehash(msg);
        let signed = match (&self.secret, alg) {
            (Secret::Rsa(key), _) => rsa_sign(key, alg, msg).map(|r| r.map_err(|e| e.to_string())),
            (Secret::P256(key), _) if alg.is_ecdsa() => Some(prehash_sign::<_, P256Sig>(key, h)),
            (Secret::P384(key), _) if alg.is_ecdsa() => Some(prehash_sign::<_, P384Sig>(key, h)),
            (Secret::P521(key), _) if alg.is_ecdsa() => Some(prehash_sign::<_, P521Sig>(key, h)),
            (Secret::Ed25519(key), SigAlg::Ed25519) => {
                Some(plain_sign::<_, ed25519_dalek::Signature>(key, msg))
            }
            // Pure Ed448 with an empty context, as RFC 8410 requires for certificates.
            (Secret::Ed448(key), SigAlg::Ed448) => {
                Some(plain_sign::<_, ed448_goldilocks::Signature>(&**key, msg))
            }
            // The `Signer` impls use deterministic ML-DSA with an empty context.
            (Secret::MlDsa44(key), SigAlg::MlDsa44) => Some(plain_sign(&**key, msg)),
            (Secret::MlDsa65(key), SigAlg::MlDsa65) => Some(plain_sign(&**key, msg)),
            (Secret::MlDsa87(key), SigAlg::MlDsa87) => Some(plain_sign(&**key, msg)),
            _ => None,
        };
        let key = self.alg.name();
        match signed {
            Some(result) => result.map_err(|e| format!("{alg:?} signing with {key} failed: {e}")),
            None => Err(format!("{alg:?} cannot be used with a {key} key")),
        }
    }

    /// Signs a digest computed elsewhere (RSA and ECDSA only), for messages too large to hold:
    /// the same signature [`sign`](Self::sign) gives for a message with this digest, except
    /// that RSA-PSS draws its salt from the digest instead of the message.
    pub fn sign_prehash(&self, alg: SigAlg, prehash: &[u8]) -> Result<Vec<u8>, String> {
        let signed = match &self.secret {
            Secret::Rsa(key) => {
                let seed = Sha256::digest(prehash).into();
                rsa_sign_digest(key, alg, prehash, seed).map(|r| r.map_err(|e| e.to_string()))
            }
            Secret::P256(key) if alg.is_ecdsa() => Some(prehash_sign::<_, P256Sig>(key, prehash)),
            Secret::P384(key) if alg.is_ecdsa() => Some(prehash_sign::<_, P384Sig>(key, prehash)),
            Secret::P521(key) if alg.is_ecdsa() => Some(prehash_sign::<_, P521Sig>(key, prehash)),
            _ => None,
        };
        let key = self.alg.name();
        match signed {
            Some(result) => result.map_err(|e| format!("{alg:?} signing with {key} failed: {e}")),
            None => Err(format!("{alg:?} cannot sign a digest with a {key} key")),
        }
    }

    /// Verifies against the encoded public key, so it also checks `public_key_bytes`.
    pub fn verify(&self, alg: SigAlg, msg: &[u8], sig: &[u8]) -> bool {
        let pk = &self.public[..];
        match (self.alg, alg) {
            (KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096, _) => {
                rsa_public(pk).is_some_and(|key| rsa_verify(&key, alg, msg, sig))
            }
            (KeyAlg::P256, _) if alg.is_ecdsa() => p256::ecdsa::VerifyingKey::from_sec1_bytes(pk)
                .is_ok_and(|k| prehash_verify::<_, P256Sig>(&k, &alg.prehash(msg), sig)),
            (KeyAlg::P384, _) if alg.is_ecdsa() => p384::ecdsa::VerifyingKey::from_sec1_bytes(pk)
                .is_ok_and(|k| prehash_verify::<_, P384Sig>(&k, &alg.prehash(msg), sig)),
            (KeyAlg::P521, _) if alg.is_ecdsa() => p521::ecdsa::VerifyingKey::from_sec1_bytes(pk)
                .is_ok_and(|k| prehash_verify::<_, P521Sig>(&k, &alg.prehash(msg), sig)),
            (KeyAlg::Ed25519, SigAlg::Ed25519) => pk
                .try_into()
                .ok()
                .and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(b).ok())
                .is_some_and(|k| plain_verify::<_, ed25519_dalek::Signature>(&k, msg, sig)),
            (KeyAlg::Ed448, SigAlg::Ed448) => pk
                .try_into()
                .ok()
                .and_then(|b| ed448_goldilocks::VerifyingKey::from_bytes(b).ok())
                .is_some_and(|k| plain_verify::<_, ed448_goldilocks::Signature>(&k, msg, sig)),
            (KeyAlg::MlDsa44, SigAlg::MlDsa44) => ml_dsa_verify::<ml_dsa::MlDsa44>(pk, msg, sig),
            (KeyAlg::MlDsa65, SigAlg::MlDsa65) => ml_dsa_verify::<ml_dsa::MlDsa65>(pk, msg, sig),
            (KeyAlg::MlDsa87, SigAlg::MlDsa87) => ml_dsa_verify::<ml_dsa::MlDsa87>(pk, msg, sig),
            _ => false,
        }
    }
}

fn random_bytes<const N: usize>(rng: &mut ChaCha20Rng) -> [u8; N] {
    let mut out = [0; N];
    rng.fill_bytes(&mut out);
    out
}

fn ml_dsa_key<P: ml_dsa::MlDsaParams>(
    rng: &mut ChaCha20Rng,
) -> (Vec<u8>, Box<ml_dsa::SigningKey<P>>) {
    let key = ml_dsa::SigningKey::<P>::from_seed(&random_bytes(rng).into());
    (key.verifying_key().encode().to_vec(), Box::new(key))
}

fn ml_dsa_verify<P: ml_dsa::MlDsaParams>(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    ml_dsa::EncodedVerifyingKey::<P>::try_from(pk).is_ok_and(|enc| {
        plain_verify::<_, ml_dsa::Signature<P>>(&ml_dsa::VerifyingKey::<P>::decode(&enc), msg, sig)
    })
}

fn plain_sign<K: Signer<S>, S: SignatureEncoding>(key: &K, msg: &[u8]) -> Result<Vec<u8>, String> {
    key.try_sign(msg)
        .map(|s| s.to_vec())
        .map_err(|e| e.to_string())
}

fn plain_verify<K, S>(key: &K, msg: &[u8], sig: &[u8]) -> bool
where
    K: Verifier<S>,
    S: for<'a> TryFrom<&'a [u8]>,
{
    S::try_from(sig).is_ok_and(|s| key.verify(msg, &s).is_ok())
}

fn prehash_sign<K: PrehashSigner<S>, S: SignatureEncoding>(
    key: &K,
    prehash: &[u8],
) -> Result<Vec<u8>, String> {
    key.sign_prehash(prehash)
        .map(|s| s.to_vec())
        .map_err(|e| e.to_string())
}

fn prehash_verify<K, S>(key: &K, prehash: &[u8], sig: &[u8]) -> bool
where
    K: PrehashVerifier<S>,
    S: for<'a> TryFrom<&'a [u8]>,
{
    S::try_from(sig).is_ok_and(|s| key.verify_prehash(prehash, &s).is_ok())
}

/// PSS salt = hash length and MGF1 uses the message hash (the `Pss::new` defaults).
/// The RNG (PSS salt, RSA blinding) is seeded from the message, so output is deterministic.
/// `None` when `alg` is not an RSA algorithm.
fn rsa_sign(key: &RsaPrivateKey, alg: SigAlg, msg: &[u8]) -> Option<rsa::Result<Vec<u8>>> {
    rsa_sign_digest(key, alg, &alg.prehash(msg), Sha256::digest(msg).into())
}

/// RSA signature over the digest `h`, the RNG seeded with `seed`.
fn rsa_sign_digest(
    key: &RsaPrivateKey,
    alg: SigAlg,
    h: &[u8],
    seed: [u8; 32],
) -> Option<rsa::Result<Vec<u8>>> {
    let mut rng = ChaCha20Rng::from_seed(seed);
    Some(match alg {
        SigAlg::RsaPkcs1Sha256 => key.sign_with_rng(&mut rng, Pkcs1v15Sign::new::<Sha256>(), h),
        SigAlg::RsaPkcs1Sha384 => key.sign_with_rng(&mut rng, Pkcs1v15Sign::new::<Sha384>(), h),
        SigAlg::RsaPkcs1Sha512 => key.sign_with_rng(&mut rng, Pkcs1v15Sign::new::<Sha512>(), h),
        SigAlg::RsaPssSha256 => key.sign_with_rng(&mut rng, Pss::<Sha256>::new(), h),
        SigAlg::RsaPssSha384 => key.sign_with_rng(&mut rng, Pss::<Sha384>::new(), h),
        SigAlg::RsaPssSha512 => key.sign_with_rng(&mut rng, Pss::<Sha512>::new(), h),
        _ => return None,
    })
}

fn rsa_verify(key: &RsaPublicKey, alg: SigAlg, msg: &[u8], sig: &[u8]) -> bool {
    let h = &alg.prehash(msg);
    match alg {
        SigAlg::RsaPkcs1Sha256 => key.verify(Pkcs1v15Sign::new::<Sha256>(), h, sig),
        SigAlg::RsaPkcs1Sha384 => key.verify(Pkcs1v15Sign::new::<Sha384>(), h, sig),
        SigAlg::RsaPkcs1Sha512 => key.verify(Pkcs1v15Sign::new::<Sha512>(), h, sig),
        SigAlg::RsaPssSha256 => key.verify(Pss::<Sha256>::new(), h, sig),
        SigAlg::RsaPssSha384 => key.verify(Pss::<Sha384>::new(), h, sig),
        SigAlg::RsaPssSha512 => key.verify(Pss::<Sha512>::new(), h, sig),
        _ => return false,
    }
    .is_ok()
}

/// Parses DER RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }.
fn rsa_public(der: &[u8]) -> Option<RsaPublicKey> {
    let (0x30, seq, []) = der_take(der)? else {
        return None;
    };
    let (0x02, n, rest) = der_take(seq)? else {
        return None;
    };
    let (0x02, e, []) = der_take(rest)? else {
        return None;
    };
    let uint = |b: &[u8]| {
        BoxedUint::from_be_slice_vartime(&b[b.iter().take_while(|&&x| x == 0).count()..])
    };
    RsaPublicKey::new(uint(n), uint(e)).ok()
}

fn der_tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    if content.len() < 0x80 {
        out.push(content.len() as u8);
    } else {
        let len = content.len().to_be_bytes();
        let skip = len.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (len.len() - skip) as u8);
        out.extend_from_slice(&len[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// DER INTEGER from unsigned big-endian bytes (minimal, with a 0x00 pad if the top bit is set).
fn der_uint(be: &[u8]) -> Vec<u8> {
    let be = &be[be.iter().take_while(|&&b| b == 0).count()..];
    let mut content = Vec::with_capacity(be.len() + 1);
    if be.first().is_none_or(|&b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(be);
    der_tlv(0x02, &content)
}

/// Splits one DER TLV off the front: (tag, content, rest). Lengths up to 4 octets.
fn der_take(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, b) = b.split_first()?;
    let (&first, b) = b.split_first()?;
    let (len, b) = if first < 0x80 {
        (first as usize, b)
    } else {
        let (len, b) = b.split_at_checked(usize::from(first & 0x7f).min(5))?;
        if len.is_empty() || len.len() > 4 {
            return None;
        }
        (len.iter().fold(0, |acc, &x| (acc << 8) | usize::from(x)), b)
    };
    let (content, rest) = b.split_at_checked(len)?;
    Some((tag, content, rest))
}

/// An RSA key as big-endian integers, for tests that build keys the SBR does not allow.
#[derive(Clone, Debug)]
pub struct RsaParts {
    pub n: Vec<u8>,
    pub e: Vec<u8>,
    pub primes: Vec<Vec<u8>>,
}

impl KeyPair {
    /// Modulus, exponent and primes of an RSA key pair; None for other algorithms.
    pub fn rsa_parts(&self) -> Option<RsaParts> {
        let Secret::Rsa(key) = &self.secret else {
            return None;
        };
        Some(rsa_parts_of(key))
    }
}

fn rsa_parts_of(key: &RsaPrivateKey) -> RsaParts {
    RsaParts {
        n: key.n_bytes().to_vec(),
        e: key.e_bytes().to_vec(),
        primes: key
            .primes()
            .iter()
            .map(|p| {
                let b = p.as_ref().to_be_bytes();
                b[b.iter().take_while(|&&x| x == 0).count()..].to_vec()
            })
            .collect(),
    }
}

/// A real RSA key of any size (1024 or 2044 bits, say), deterministic from `seed` and cached.
pub fn rsa_key_of_size(bits: usize, seed: u64) -> RsaParts {
    static CACHE: Mutex<BTreeMap<(usize, u64), RsaParts>> = Mutex::new(BTreeMap::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry((bits, seed))
        .or_insert_with(|| {
            let mut h = Sha256::new();
            h.update(b"smimelint odd RSA key v1\0");
            h.update((bits as u64).to_be_bytes());
            h.update(seed.to_be_bytes());
            let mut rng = ChaCha20Rng::from_seed(h.finalize().into());
            rsa_parts_of(&RsaPrivateKey::new(&mut rng, bits).expect("RSA keygen"))
        })
        .clone()
}

/// A `bits`-bit odd modulus P·2^s + 1, where P is the product of the primes below `prime_bound`:
/// its remainder by each of those primes is 1, a k-th power residue for every k, so residue
/// filters cannot rule it out and a perfect-power test has to do its expensive part. Not an
/// RSA modulus of two primes, only a cost probe; `prime_bound` must leave P well below `bits`.
pub fn crafted_rsa_modulus(bits: usize, prime_bound: u64) -> Vec<u8> {
    // Little-endian 64-bit limbs.
    let mut limbs: Vec<u64> = vec![1];
    let mul_small = |limbs: &mut Vec<u64>, m: u64| {
        let mut carry = 0u128;
        for l in limbs.iter_mut() {
            let t = u128::from(*l) * u128::from(m) + carry;
            *l = t as u64;
            carry = t >> 64;
        }
        if carry != 0 {
            limbs.push(carry as u64);
        }
    };
    for q in (2..prime_bound).filter(|&q| (2..).take_while(|d| d * d <= q).all(|d| q % d != 0)) {
        mul_small(&mut limbs, q);
    }
    let top = limbs.last().copied().unwrap_or(1);
    let p_bits = limbs.len() * 64 - top.leading_zeros() as usize;
    assert!(p_bits + 2 <= bits, "the prime product needs {p_bits} bits");
    // Shift left by s = bits − p_bits, then add 1 (the low bit is then 0).
    let s = bits - p_bits;
    let mut shifted = vec![0u64; s / 64];
    let (r, mut carry) = (s % 64, 0u64);
    for &l in &limbs {
        shifted.push(if r == 0 { l } else { (l << r) | carry });
        carry = if r == 0 { 0 } else { l >> (64 - r) };
    }
    if carry != 0 {
        shifted.push(carry);
    }
    shifted[0] |= 1;
    while shifted.last() == Some(&0) {
        shifted.pop();
    }
    let mut out: Vec<u8> = shifted.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
    let lead = out.iter().take_while(|&&b| b == 0).count();
    out.drain(..lead);
    out
}

/// DER RSAPublicKey from big-endian modulus and exponent (sign octets added as needed).
pub fn rsa_public_key(n: &[u8], e: &[u8]) -> Vec<u8> {
    der_tlv(0x30, &[der_uint(n), der_uint(e)].concat())
}

/// The SPKI AlgorithmIdentifier the factory uses for `alg`.
pub fn spki_algorithm(alg: KeyAlg) -> &'static [u8] {
    alg.spki_alg_der()
}

/// SubjectPublicKeyInfo from any AlgorithmIdentifier TLV, unused-bits octet and key octets.
pub fn spki(algorithm: &[u8], unused_bits: u8, key: &[u8]) -> Vec<u8> {
    let bits = [&[unused_bits][..], key].concat();
    der_tlv(0x30, &[algorithm, &der_tlv(0x03, &bits)[..]].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIG_ALGS: [SigAlg; 14] = [
        SigAlg::RsaPkcs1Sha256,
        SigAlg::RsaPkcs1Sha384,
        SigAlg::RsaPkcs1Sha512,
        SigAlg::RsaPssSha256,
        SigAlg::RsaPssSha384,
        SigAlg::RsaPssSha512,
        SigAlg::EcdsaSha256,
        SigAlg::EcdsaSha384,
        SigAlg::EcdsaSha512,
        SigAlg::Ed25519,
        SigAlg::Ed448,
        SigAlg::MlDsa44,
        SigAlg::MlDsa65,
        SigAlg::MlDsa87,
    ];

    fn to_hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// Expected SPKI AlgorithmIdentifier (from the SBR) and public key length.
    fn expected(alg: KeyAlg) -> (&'static str, usize) {
        match alg {
            KeyAlg::Rsa2048 => ("300d06092a864886f70d0101010500", 2048),
            KeyAlg::Rsa3072 => ("300d06092a864886f70d0101010500", 3072),
            KeyAlg::Rsa4096 => ("300d06092a864886f70d0101010500", 4096),
            KeyAlg::P256 => ("301306072a8648ce3d020106082a8648ce3d030107", 65),
            KeyAlg::P384 => ("301006072a8648ce3d020106052b81040022", 97),
            KeyAlg::P521 => ("301006072a8648ce3d020106052b81040023", 133),
            KeyAlg::Ed25519 => ("300506032b6570", 32),
            KeyAlg::Ed448 => ("300506032b6571", 57),
            KeyAlg::MlDsa44 => ("300b0609608648016503040311", 1312),
            KeyAlg::MlDsa65 => ("300b0609608648016503040312", 1952),
            KeyAlg::MlDsa87 => ("300b0609608648016503040313", 2592),
            KeyAlg::MlKem512 => ("300b0609608648016503040401", 800),
            KeyAlg::MlKem768 => ("300b0609608648016503040402", 1184),
            KeyAlg::MlKem1024 => ("300b0609608648016503040403", 1568),
        }
    }

    /// Which signature algorithms `sign` accepts for a key (independent of the impl's match).
    fn compatible(key: KeyAlg, sig: SigAlg) -> bool {
        let name = format!("{sig:?}");
        match key {
            KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096 => name.starts_with("Rsa"),
            KeyAlg::P256 | KeyAlg::P384 | KeyAlg::P521 => name.starts_with("Ecdsa"),
            KeyAlg::MlKem512 | KeyAlg::MlKem768 | KeyAlg::MlKem1024 => false,
            _ => name == format!("{key:?}"),
        }
    }

    #[test]
    fn spki_encoding() {
        for alg in KeyAlg::ALL {
            let key = KeyPair::get(alg, 1);
            assert_eq!(key.alg(), alg);
            let (alg_id, len) = expected(alg);
            let alg_id = crate::der::unhex(alg_id);
            let spki = key.spki_der();
            let (0x30, body, []) = der_take(&spki).unwrap() else {
                panic!("{alg:?}: SPKI is not one SEQUENCE");
            };
            assert!(body.starts_with(&alg_id), "{alg:?}: {}", to_hex(&spki));
            let (0x03, bits, []) = der_take(&body[alg_id.len()..]).unwrap() else {
                panic!("{alg:?}: no BIT STRING");
            };
            assert_eq!(bits[0], 0, "{alg:?}: unused bits");
            let pk = key.public_key_bytes();
            assert_eq!(&bits[1..], &pk[..], "{alg:?}");
            match alg {
                KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096 => {
                    let rsa = rsa_public(&pk).expect("RSAPublicKey");
                    assert_eq!(rsa.n().bits() as usize, len, "{alg:?}");
                    assert_eq!(&*rsa.e_bytes(), &[1, 0, 1]);
                    // Re-encoding must give the same bytes (minimal DER INTEGERs).
                    let again = [der_uint(&rsa.n_bytes()), der_uint(&rsa.e_bytes())].concat();
                    assert_eq!(der_tlv(0x30, &again), pk);
                }
                KeyAlg::P256 | KeyAlg::P384 | KeyAlg::P521 => {
                    assert_eq!((pk.len(), pk[0]), (len, 4), "{alg:?}: uncompressed point");
                }
                _ => assert_eq!(pk.len(), len, "{alg:?}"),
            }
            assert_eq!(key.can_sign(), key.default_sig_alg().is_some());
        }
    }

    #[test]
    fn ml_kem_public_keys_parse() {
        let pk = |alg| KeyPair::get(alg, 1).public_key_bytes();
        let k512 = pk(KeyAlg::MlKem512);
        let k768 = pk(KeyAlg::MlKem768);
        let k1024 = pk(KeyAlg::MlKem1024);
        assert!(ml_kem::EncapsulationKey512::new(k512[..].try_into().unwrap()).is_ok());
        assert!(ml_kem::EncapsulationKey768::new(k768[..].try_into().unwrap()).is_ok());
        assert!(ml_kem::EncapsulationKey1024::new(k1024[..].try_into().unwrap()).is_ok());
    }

    #[test]
    fn deterministic_and_cached() {
        for alg in KeyAlg::ALL {
            let a = KeyPair::get(alg, 1);
            assert!(std::ptr::eq(a, KeyPair::get(alg, 1)), "{alg:?}: not cached");
            // Regenerating from scratch must give the same key; another seed must not.
            assert_eq!(
                KeyPair::generate(alg, 1).spki_der(),
                a.spki_der(),
                "{alg:?}"
            );
            assert_ne!(KeyPair::get(alg, 2).spki_der(), a.spki_der(), "{alg:?}");
        }
    }

    #[test]
    fn sign_and_verify() {
        let msg = b"\x30\x03\x02\x01\x01 pretend TBSCertificate";
        for alg in KeyAlg::ALL {
            let key = KeyPair::get(alg, 1);
            for sig_alg in SIG_ALGS {
                let result = key.sign(sig_alg, msg);
                if !compatible(alg, sig_alg) {
                    assert!(result.is_err(), "{alg:?} signed {sig_alg:?}");
                    assert!(!key.verify(sig_alg, msg, &[0; 64]));
                    continue;
                }
                let sig = result.unwrap_or_else(|e| panic!("{alg:?}/{sig_alg:?}: {e}"));
                assert_eq!(
                    key.sign(sig_alg, msg).unwrap(),
                    sig,
                    "{sig_alg:?} not deterministic"
                );
                assert!(key.verify(sig_alg, msg, &sig), "{alg:?}/{sig_alg:?}");

                let mut bad_sig = sig.clone();
                *bad_sig.last_mut().unwrap() ^= 1;
                assert!(!key.verify(sig_alg, msg, &bad_sig), "{alg:?}/{sig_alg:?}");
                let mut bad_msg = msg.to_vec();
                bad_msg[0] ^= 0x80;
                assert!(!key.verify(sig_alg, &bad_msg, &sig), "{alg:?}/{sig_alg:?}");

                if sig_alg == SigAlg::RsaPssSha256 {
                    // The DER says saltLength 32: a 20-byte-salt verifier must reject it.
                    let pk = rsa_public(&key.public_key_bytes()).unwrap();
                    let h = Sha256::digest(msg);
                    assert!(pk
                        .verify(Pss::<Sha256>::new_with_salt(20), &h, &sig)
                        .is_err());
                }
                if sig_alg.is_ecdsa() {
                    // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
                    let (0x30, body, []) = der_take(&sig).unwrap() else {
                        panic!()
                    };
                    let (0x02, _, rest) = der_take(body).unwrap() else {
                        panic!()
                    };
                    assert!(matches!(der_take(rest), Some((0x02, _, []))));
                }
            }
        }
    }

    #[test]
    fn sign_prehash_verifies_as_a_message_signature() {
        let msg = b"\x30\x03\x02\x01\x01 pretend TBSCertList";
        for (alg, sig_alg) in [
            (KeyAlg::Rsa2048, SigAlg::RsaPkcs1Sha256),
            (KeyAlg::Rsa2048, SigAlg::RsaPssSha384),
            (KeyAlg::P256, SigAlg::EcdsaSha256),
            (KeyAlg::P384, SigAlg::EcdsaSha384),
            (KeyAlg::P521, SigAlg::EcdsaSha512),
        ] {
            let key = KeyPair::get(alg, 1);
            let sig = key.sign_prehash(sig_alg, &sig_alg.prehash(msg)).unwrap();
            assert!(key.verify(sig_alg, msg, &sig), "{alg:?}/{sig_alg:?}");
        }
        // PKCS#1 v1.5 is deterministic: both paths give the same bytes.
        let key = KeyPair::get(KeyAlg::Rsa2048, 1);
        let h = SigAlg::RsaPkcs1Sha256.prehash(msg);
        assert_eq!(
            key.sign_prehash(SigAlg::RsaPkcs1Sha256, &h).unwrap(),
            key.sign(SigAlg::RsaPkcs1Sha256, msg).unwrap()
        );
        let ed = KeyPair::get(KeyAlg::Ed25519, 1);
        assert!(ed.sign_prehash(SigAlg::Ed25519, &h).is_err());
        assert_eq!(SigAlg::Ed25519.prehash_bits(), None);
        assert_eq!(SigAlg::RsaPssSha384.prehash_bits(), Some(384));
    }

    #[test]
    fn default_sig_alg_matches_sbr() {
        use KeyAlg as K;
        use SigAlg as S;
        let expected = [
            (K::Rsa2048, Some(S::RsaPkcs1Sha256)),
            (K::Rsa3072, Some(S::RsaPkcs1Sha256)),
            (K::Rsa4096, Some(S::RsaPkcs1Sha256)),
            (K::P256, Some(S::EcdsaSha256)),
            (K::P384, Some(S::EcdsaSha384)),
            (K::P521, Some(S::EcdsaSha512)),
            (K::Ed25519, Some(S::Ed25519)),
            (K::Ed448, Some(S::Ed448)),
            (K::MlDsa44, Some(S::MlDsa44)),
            (K::MlDsa65, Some(S::MlDsa65)),
            (K::MlDsa87, Some(S::MlDsa87)),
            (K::MlKem512, None),
            (K::MlKem768, None),
            (K::MlKem1024, None),
        ];
        for (alg, sig) in expected {
            assert_eq!(KeyPair::get(alg, 1).default_sig_alg(), sig, "{alg:?}");
        }
    }

    #[test]
    fn sig_alg_der_is_well_formed() {
        for alg in SIG_ALGS {
            let der = alg.der();
            let Some((0x30, body, [])) = der_take(der) else {
                panic!("{alg:?}: not one SEQUENCE");
            };
            assert!(
                matches!(der_take(body), Some((0x06, _, _))),
                "{alg:?}: no OID"
            );
        }
        // EdDSA and ML-DSA use the same identifier for key and signature.
        for (k, s) in [
            (KeyAlg::Ed25519, SigAlg::Ed25519),
            (KeyAlg::Ed448, SigAlg::Ed448),
            (KeyAlg::MlDsa44, SigAlg::MlDsa44),
            (KeyAlg::MlDsa65, SigAlg::MlDsa65),
            (KeyAlg::MlDsa87, SigAlg::MlDsa87),
        ] {
            assert_eq!(k.spki_alg_der(), s.der());
        }
    }

    #[test]
    fn der_lengths() {
        assert_eq!(der_tlv(4, &[0; 0x7f])[..2], [4, 0x7f]);
        assert_eq!(der_tlv(4, &[0; 0x80])[..3], [4, 0x81, 0x80]);
        assert_eq!(der_tlv(4, &[0; 0x1234])[..4], [4, 0x82, 0x12, 0x34]);
        assert_eq!(der_uint(&[0, 0, 0x7f]), [2, 1, 0x7f]);
        assert_eq!(der_uint(&[0x80]), [2, 2, 0, 0x80]);
        assert_eq!(der_uint(&[]), [2, 1, 0]);
    }

    /// RFC 8032 §7.4 "blank" vector: checks the crate does pure Ed448 with an empty context.
    #[test]
    fn ed448_is_pure_ed448() {
        let secret = crate::der::unhex(
            "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
        );
        let key = ed448_goldilocks::SigningKey::try_from(&secret[..]).unwrap();
        assert_eq!(
            to_hex(&key.verifying_key().to_bytes()),
            "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180"
        );
        assert_eq!(
            to_hex(&plain_sign::<_, ed448_goldilocks::Signature>(&key, b"").unwrap()),
            "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600"
        );
    }

    /// SHA-256 of every seed-1 SPKI. A failure means a dependency changed how keys
    /// are derived: expected certificates/fixtures built from these keys will change too.
    #[test]
    fn recorded_spki_hashes() {
        let recorded: [(KeyAlg, &str); 14] = [
            (
                KeyAlg::Rsa2048,
                "d5258b22e83ce7c6005e36417e469d3d40e025810219d8599b4ec85b7ef9ca8f",
            ),
            (
                KeyAlg::Rsa3072,
                "4ec25dcffc08dc3b62df59f31ccdee17af6a5f47af53010931b7acd395c060da",
            ),
            (
                KeyAlg::Rsa4096,
                "ab456c78935078ca13ef0ece0d6e3b9b68626348677b5cf879145b1573cb985f",
            ),
            (
                KeyAlg::P256,
                "4e19909fcb0e56a0419dd730161a5f86727d14fc9e2e87ebd25c998deded91f4",
            ),
            (
                KeyAlg::P384,
                "a514c0bb1a05c6bd62a5ca6852c6de9bcee582c14694ff20dcfa3b4284c07ec2",
            ),
            (
                KeyAlg::P521,
                "924dfad754caf220a12cc5efaae1e94908b3293c409a7ba6453184a0748b2127",
            ),
            (
                KeyAlg::Ed25519,
                "913af9f3994f6bfe38ea2a70240c3ce500b5a49956c09b4ffa5ed2735a07fc3b",
            ),
            (
                KeyAlg::Ed448,
                "8848c1025f8ade09b15a574abf3646766de6416712665e95eaf1c601b3c2362b",
            ),
            (
                KeyAlg::MlDsa44,
                "efd1179648a0014a84558cb4456fea6b42faf82815c073ecfbfc8710d8877ef5",
            ),
            (
                KeyAlg::MlDsa65,
                "6ddf5a41ab0a5011dacf41d743436fae85190133f66f37b845b260c354960ffd",
            ),
            (
                KeyAlg::MlDsa87,
                "1c9e808f2ce403480dea0d6e650c9d0b9f479517815d984ca09c9d4f4bb741d8",
            ),
            (
                KeyAlg::MlKem512,
                "942641f7d02913685ef2ef20c45e322cbb5a0d932c4f49a50c07530971dfabf9",
            ),
            (
                KeyAlg::MlKem768,
                "1fcf36d09e71d78090303170a1c59eaf4ee1c3b1e0e6d6712f0297049eea728c",
            ),
            (
                KeyAlg::MlKem1024,
                "09babc32bbb0ce8d3cc73c71214a9edb70049e64d9539f7116fd15d27d893e49",
            ),
        ];
        let actual: Vec<String> = recorded
            .iter()
            .map(|&(alg, _)| to_hex(&Sha256::digest(KeyPair::get(alg, 1).spki_der())))
            .collect();
        for (&(alg, want), got) in recorded.iter().zip(&actual) {
            assert_eq!(got, want, "{alg:?} key changed; all: {actual:#?}");
        }
    }
}
