// How `restore` knows that a hub still serves a PostgreSQL database from another folder or
// machine (the data folder's pid file only covers this one): every serving hub process holds this
// advisory lock shared, on the connection it listens for changes on, for as long as it serves;
// a restore takes it exclusively, or refuses. The lock goes with the connection, so a killed hub
// never leaves it behind.

/** Any 64-bit key every hub process agrees on; this one spells "yishsrv". */
export const SERVING_LOCK = 0x79697368737276n.toString();
