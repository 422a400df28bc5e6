import { createContext, useContext } from 'react';

/** True while requests fail for want of a connection (they are being retried). */
export const ConnectionContext = createContext(false);
export const useConnectionLost = () => useContext(ConnectionContext);
