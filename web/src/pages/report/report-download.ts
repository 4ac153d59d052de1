import { ApiError } from '../../api/api-error';
import { csrfHeaders } from '../../api/csrf';
import { fileNameFromDisposition } from './report-shape';

/**
 * Downloads a report file. A plain link cannot send the x-csrf-token header every API route
 * requires, so the file is fetched with it and handed to the browser's download flow.
 */
export async function downloadReport(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: csrfHeaders(), credentials: 'same-origin' });
  } catch {
    throw new ApiError('The server cannot be reached. Check that it is running, then retry.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      message?: string;
      errors?: { message: string }[];
    } | null;
    const message = body?.message ?? body?.errors?.map((e) => e.message).join('; ');
    throw new ApiError(message ?? `The server answered ${response.status}.`, 'failed', response.status);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
