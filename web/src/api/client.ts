/** One error shape for every failed call: the server's Chinese message and the field issues behind it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

function csrfToken(): string {
  const match = /(?:^|;\s*)jg_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

let onUnauthenticated: (() => void) | undefined;
/** Where to go when the session has ended (set by the app shell). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const method = options.method ?? (options.body || options.form ? 'POST' : 'GET');
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  if (!response.ok) {
    let body: { error?: { code: string; message: string; issues?: { path: string; message: string }[] } } = {};
    try {
      body = await response.json();
    } catch {
      // Not JSON: a proxy error page, say.
    }
    const error = new ApiError(
      response.status,
      body.error?.code ?? 'HTTP',
      body.error?.message ?? `请求失败（${response.status}）`,
      body.error?.issues ?? [],
    );
    if (response.status === 401 && !path.startsWith('/api/auth/login')) onUnauthenticated?.();
    throw error;
  }
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? response.json() : response.text()) as Promise<T>;
}

/** Query string from an object, skipping empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Downloads a file from an API path through the browser (keeps the session cookie). */
export function download(path: string): void {
  const link = document.createElement('a');
  link.href = path;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Multipart upload with progress (fetch cannot report upload progress). */
export function upload<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body: { error?: { code: string; message: string; issues?: { path: string; message: string }[] } } & Record<
        string,
        unknown
      > = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Non-JSON error page.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiError(
            xhr.status,
            body.error?.code ?? 'HTTP',
            body.error?.message ?? `上传失败（${xhr.status}）`,
            body.error?.issues ?? [],
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络错误，上传失败'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
