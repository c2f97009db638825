import { InboxOutlined } from '@ant-design/icons';
import { Button, List, Progress, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentPreview } from './AttachmentPreview';

export interface PendingFile {
  uid: string;
  file: File;
  url: string;
  /** 0–100 while uploading; null before. */
  progress: number | null;
  error?: string;
  done?: boolean;
}

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

/** Exam results picked or dropped before sending: previewed at once, uploaded after the request is made. */
export function AttachmentsField({ files, onChange }: { files: PendingFile[]; onChange(files: PendingFile[]): void }) {
  const { t } = useTranslation('doctor');
  const [rejected, setRejected] = useState<string | null>(null);
  useEffect(() => () => files.forEach((f) => URL.revokeObjectURL(f.url)), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div>
      <Upload.Dragger
        multiple
        accept={ACCEPTED.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          if (!ACCEPTED.includes(file.type)) {
            setRejected(t('attachments.unsupported', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          setRejected(null);
          onChange([...files, { uid: file.uid, file, url: URL.createObjectURL(file), progress: null }]);
          return false; // kept here; sent once the request exists
        }}
        data-testid="attachments-drop"
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('attachments.drop')}</p>
        <p className="ant-upload-hint">{t('attachments.hint')}</p>
      </Upload.Dragger>
      {rejected && <Typography.Text type="danger">{rejected}</Typography.Text>}
      <List
        dataSource={files}
        renderItem={(f) => (
          <List.Item
            data-testid="attachment-item"
            actions={f.progress === null ? [<Button key="remove" size="small" onClick={() => onChange(files.filter((x) => x.uid !== f.uid))}>{t('attachments.remove')}</Button>] : []}
          >
            <div style={{ width: '100%' }}>
              <Typography.Text strong><span data-testid="attachment-name">{f.file.name}</span></Typography.Text>{' '}
              <Typography.Text type="secondary">{Math.ceil(f.file.size / 1024)} KB</Typography.Text>
              {f.progress !== null && <Progress percent={f.progress} size="small" status={f.error ? 'exception' : f.done ? 'success' : 'active'} data-testid="upload-progress" />}
              {f.error && <Typography.Text type="danger">{f.error}</Typography.Text>}
              <AttachmentPreview url={f.url} contentType={f.file.type} name={f.file.name} />
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
